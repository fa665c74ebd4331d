import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { EditTable } from '../EditTable.tsx';
import { BoolField } from '../fields/ChoiceFields.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { apiKeyList, freeName, usagePlanIds } from '../model/config-info.ts';
import { asArray } from '../model/json.ts';
import { newApiKey } from '../model/templates.ts';

function PlanChecks({ index, plans }: { index: number; plans: string[] }) {
  const at = ['apiKeys', index, 'usagePlanIds'];
  const ids = asArray(useDocValue('config', at));
  const setField = useLab((s) => s.setField);
  const toggle = (plan: string, on: boolean) =>
    setField('config', at, on ? [...ids, plan] : ids.filter((id) => id !== plan));
  return (
    <fieldset className="ed-checks" data-path={JSON.stringify(at)} tabIndex={-1}>
      <legend className="sr-only">Usage plans of key {index + 1}</legend>
      {plans.map((plan) => (
        <label key={plan} className="ed-check">
          <input type="checkbox" checked={ids.includes(plan)} onChange={(e) => toggle(plan, e.target.checked)} />
          {plan}
        </label>
      ))}
      <ProblemsAt path={at} />
    </fieldset>
  );
}

/** API keys: the value clients send in `x-api-key`, whether it is enabled, and the usage plans it belongs to. */
export function ApiKeysSection() {
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const count = asArray(useDocValue('config', ['apiKeys'])).length;
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const plans = usagePlanIds(config);
  return (
    <section className="ed-card" aria-label="API keys" data-testid="api-keys">
      <h3>API keys</h3>
      <ProblemsAt path={['apiKeys']} />
      <EditTable columns={['Id', 'Name', 'Value (x-api-key)', 'Enabled', 'Usage plans']}>
        {Array.from({ length: count }, (_, i) => (
          <tr key={i} data-testid={`api-key-${i}`}>
            <td>
              <TextField path={['apiKeys', i, 'id']} label={`Key ${i + 1} id`} required mono compact />
              <ProblemsAt path={['apiKeys', i]} />
            </td>
            <td>
              <TextField path={['apiKeys', i, 'name']} label={`Key ${i + 1} name`} compact />
            </td>
            <td>
              <TextField path={['apiKeys', i, 'value']} label={`Key ${i + 1} value`} required mono compact />
            </td>
            <td>
              <BoolField path={['apiKeys', i, 'enabled']} label="Enabled" defaultValue />
            </td>
            <td>
              <PlanChecks index={i} plans={plans} />
            </td>
            <td>
              <RemoveButton label={`Delete key ${i + 1}`} onClick={() => removeItem('config', ['apiKeys'], i)} />
            </td>
          </tr>
        ))}
      </EditTable>
      <AddButton
        onClick={() =>
          insertItem(
            'config',
            ['apiKeys'],
            newApiKey(
              freeName(
                'key',
                apiKeyList(config).map((k) => k.id),
              ),
            ),
          )
        }
      >
        + Create API key
      </AddButton>
    </section>
  );
}
