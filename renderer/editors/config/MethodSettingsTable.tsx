import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddPicker } from '../AddPicker.tsx';
import { RemoveButton } from '../Card.tsx';
import { EditTable } from '../EditTable.tsx';
import { BoolField } from '../fields/ChoiceFields.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useDocValue } from '../hooks.ts';
import { apiAt, routeKeys } from '../model/config-info.ts';
import { cachingPlaceholder, stageLimitPlaceholder, ttlPlaceholder } from '../model/inheritance.ts';
import { asObject } from '../model/json.ts';

function SettingsRow({
  api,
  stage,
  methodKey,
  rest,
}: {
  api: number;
  stage: number;
  methodKey: string;
  rest: boolean;
}) {
  const at = ['apis', api, 'stages', stage, 'methodSettings', methodKey];
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const setField = useLab((s) => s.setField);
  const place = (field: 'throttlingRateLimit' | 'throttlingBurstLimit') =>
    stageLimitPlaceholder(config, api, stage, methodKey, field);
  return (
    <tr data-testid={`method-settings-${methodKey}`}>
      <th scope="row" data-path={JSON.stringify(at)} tabIndex={-1}>
        <code>{methodKey}</code>
        {methodKey === '*/*' && <span className="muted"> stage default</span>}
        <ProblemsAt path={at} />
      </th>
      <td>
        <NumberField
          path={[...at, 'throttlingRateLimit']}
          label={`${methodKey} rate`}
          placeholder={place('throttlingRateLimit')}
          compact
        />
      </td>
      <td>
        <NumberField
          path={[...at, 'throttlingBurstLimit']}
          label={`${methodKey} burst`}
          placeholder={place('throttlingBurstLimit')}
          compact
        />
      </td>
      {rest && (
        <td>
          <BoolField
            path={[...at, 'cachingEnabled']}
            label={`${methodKey} caching`}
            unset={cachingPlaceholder(config, api, stage, methodKey)}
            compact
          />
        </td>
      )}
      {rest && (
        <td>
          <NumberField
            path={[...at, 'cacheTtlInSeconds']}
            label={`${methodKey} TTL`}
            placeholder={ttlPlaceholder(config, api, stage, methodKey)}
            compact
          />
        </td>
      )}
      <td>
        {methodKey !== '*/*' && (
          <RemoveButton label={`Remove the ${methodKey} override`} onClick={() => setField('config', at, undefined)} />
        )}
      </td>
    </tr>
  );
}

/**
 * `methodSettings`: the stage default `*\/*` and per-method overrides. An empty field inherits, field by field,
 * from `*\/*` and then the account; its placeholder says what it gets.
 */
export function MethodSettingsTable({ api, stage }: { api: number; stage: number }) {
  const at = ['apis', api, 'stages', stage, 'methodSettings'];
  const settings = asObject(useDocValue('config', at));
  const apiValue = useLab((s) => apiAt(activeDoc(s, 'config')?.raw, api));
  const setField = useLab((s) => s.setField);
  const rest = apiValue['protocol'] !== 'HTTP';
  const keys = ['*/*', ...Object.keys(settings).filter((k) => k !== '*/*')];
  const free = routeKeys(apiValue).filter((k) => !(k in settings));
  const columns = [rest ? 'Method' : 'Route', 'Rate (req/s)', 'Burst', ...(rest ? ['Caching', 'TTL (s)'] : [])];
  return (
    <fieldset className="ed-group">
      <legend>{rest ? 'Throttling and caching (method settings)' : 'Route throttling'}</legend>
      <EditTable className="ed-settings" columns={columns}>
        {keys.map((key) => (
          <SettingsRow key={key} api={api} stage={stage} methodKey={key} rest={rest} />
        ))}
      </EditTable>
      <ProblemsAt path={at} />
      <AddPicker
        options={free}
        label="Method to override"
        prompt="Override a method…"
        action="+ Add override"
        onAdd={(key) => setField('config', [...at, key], {})}
        selectTestId="override-select"
        addTestId="add-override"
      />
    </fieldset>
  );
}
