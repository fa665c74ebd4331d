import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddPicker } from '../AddPicker.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { useDocValue } from '../hooks.ts';
import { apiList, routeKeys, stageNames } from '../model/config-info.ts';
import { planLimitPlaceholder } from '../model/inheritance.ts';
import { asArray, asObject, asString } from '../model/json.ts';

/** Per-method throttles of one API stage of a plan: each replaces the plan throttle for that method. */
function MethodThrottles({ at, apiId }: { at: Array<string | number>; apiId: string | undefined }) {
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const throttle = asObject(useDocValue('config', [...at, 'throttle']));
  const setField = useLab((s) => s.setField);
  const api = apiList(config).find((a) => a.id === apiId);
  const apis = asArray(asObject(config)['apis']);
  const free = api ? routeKeys(apis[api.index]).filter((k) => !(k in throttle)) : [];
  return (
    <div className="ed-subgroup">
      {Object.keys(throttle).map((key) => (
        <div className="ed-map-row" key={key} data-testid={`plan-method-${key}`}>
          <code className="ed-key ed-key-label" data-path={JSON.stringify([...at, 'throttle', key])} tabIndex={-1}>
            {key}
          </code>
          <NumberField
            path={[...at, 'throttle', key, 'rateLimit']}
            label={`${key} rate (req/s)`}
            placeholder={planLimitPlaceholder(config, 'rateLimit')}
          />
          <NumberField
            path={[...at, 'throttle', key, 'burstLimit']}
            label={`${key} burst`}
            placeholder={planLimitPlaceholder(config, 'burstLimit')}
          />
          <RemoveButton
            label={`Remove the ${key} throttle`}
            onClick={() => setField('config', [...at, 'throttle', key], undefined)}
          />
        </div>
      ))}
      <ProblemsAt path={[...at, 'throttle']} />
      <AddPicker
        options={free}
        label="Method to throttle"
        prompt="Throttle a method…"
        action="+ Add method throttle"
        onAdd={(key) => setField('config', [...at, 'throttle', key], { rateLimit: 10, burstLimit: 20 })}
      />
    </div>
  );
}

/** The API stages a plan covers (`apiStages`), each with its per-method throttles. */
export function PlanApiStages({ plan }: { plan: number }) {
  const at = ['usagePlans', plan, 'apiStages'];
  const stages = asArray(useDocValue('config', at));
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const apis = apiList(config);
  const apiRaw = (id: string | undefined) =>
    asArray(asObject(config)['apis'])[apis.find((a) => a.id === id)?.index ?? -1];
  return (
    <fieldset className="ed-group">
      <legend>API stages</legend>
      <ProblemsAt path={at} />
      {stages.map((entry, i) => {
        const apiId = asString(asObject(entry)['apiId']);
        return (
          <div className="ed-card ed-nested" key={i} data-testid={`plan-stage-${i}`}>
            <div className="ed-grid">
              <SelectField path={[...at, i, 'apiId']} label="API" choices={apis.map((a) => [a.id, a.label] as const)} />
              <SelectField
                path={[...at, i, 'stage']}
                label="Stage"
                choices={stageNames(apiRaw(apiId)).map((n) => [n, n] as const)}
              />
              <RemoveButton label={`Remove API stage ${i + 1}`} onClick={() => removeItem('config', at, i)} />
            </div>
            <MethodThrottles at={[...at, i]} apiId={apiId} />
          </div>
        );
      })}
      <AddButton
        disabled={apis.length === 0}
        onClick={() => {
          const first = apis[0];
          insertItem('config', at, { apiId: first?.id, stage: stageNames(apiRaw(first?.id))[0] ?? 'prod' });
        }}
      >
        + Add API stage
      </AddButton>
    </fieldset>
  );
}
