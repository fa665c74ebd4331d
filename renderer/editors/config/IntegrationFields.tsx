import type { JsonPath } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { MapField } from '../fields/MapField.tsx';
import { TextAreaField, TextField } from '../fields/TextField.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { useDocValue } from '../hooks.ts';
import { FieldShell, useFieldControl } from '../fields/FieldShell.tsx';
import { asObject } from '../model/json.ts';
import { INTEGRATION_TYPES, integrationTemplate, type IntegrationType } from '../model/templates.ts';
import { LambdaCode } from './LambdaCode.tsx';
import { LatencyFields } from './LatencyFields.tsx';
import { METHOD_CHOICES } from './RouteCard.tsx';

const TYPE_LABELS: Record<IntegrationType, string> = {
  MOCK: 'Mock',
  HTTP_PROXY: 'HTTP proxy',
  LAMBDA: 'Lambda function (proxy)',
};

/** The integration type; changing it starts the integration afresh from that type's defaults, as the console does. */
function TypeSelect({ at }: { at: JsonPath }) {
  const integration = useDocValue('config', at);
  const setField = useLab((s) => s.setField);
  const { id, problems, inputProps } = useFieldControl([...at, 'type']);
  const type = asObject(integration)['type'];
  return (
    <FieldShell id={id} label="Integration type" problems={problems}>
      <select
        {...inputProps}
        className="ed-input"
        value={integration === undefined ? '' : String(type ?? '')}
        data-testid="integration-type"
        onChange={(e) =>
          setField(
            'config',
            at,
            e.target.value === '' ? undefined : integrationTemplate(e.target.value as IntegrationType),
          )
        }
      >
        <option value="">Mock (default: none set)</option>
        {INTEGRATION_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The integration request: MOCK shapes the response, HTTP_PROXY forwards, LAMBDA runs a handler. */
export function IntegrationFields({ at }: { at: JsonPath }) {
  const type = asObject(useDocValue('config', at))['type'];
  return (
    <fieldset className="ed-group">
      <legend>Integration</legend>
      <div className="ed-grid">
        <TypeSelect at={at} />
        {type === 'MOCK' && <NumberField path={[...at, 'statusCode']} label="Status code" placeholder="200" />}
        {type === 'HTTP_PROXY' && (
          <>
            <TextField
              path={[...at, 'uri']}
              label="Endpoint URL"
              placeholder="https://backend.example.com/{proxy}"
              required
              mono
              wide
            />
            <SelectField
              path={[...at, 'httpMethod']}
              label="HTTP method"
              choices={METHOD_CHOICES}
              unset="as the request"
            />
            <NumberField path={[...at, 'timeoutInMillis']} label="Timeout (ms)" placeholder="29000" />
          </>
        )}
        {type === 'LAMBDA' && (
          <>
            <NumberField path={[...at, 'timeoutMs']} label="Timeout (ms)" placeholder="3000" />
            <NumberField path={[...at, 'coldStartMs']} label="Cold start (ms)" placeholder="0" />
            <NumberField path={[...at, 'reservedConcurrency']} label="Reserved concurrency" placeholder="unreserved" />
            <TextField path={[...at, 'file']} label="Handler file (instead of code)" placeholder="handler.mjs" mono />
          </>
        )}
      </div>
      {type === 'MOCK' && (
        <>
          <MapField path={[...at, 'headers']} label="Response headers" keyLabel="header" newKey="x-header" />
          <TextAreaField
            path={[...at, 'body']}
            label="Response body"
            placeholder='{"id":"${method.request.path.id}"}'
            hint="Placeholders: ${stageVariables.X}, ${method.request.path.X}, ${integration.callCount}…"
          />
        </>
      )}
      {type === 'LAMBDA' && <LambdaCode path={[...at, 'code']} />}
      {typeof type === 'string' && <LatencyFields at={at} />}
    </fieldset>
  );
}
