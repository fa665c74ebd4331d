import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, Card, RemoveButton } from '../Card.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { freeName, usagePlanIds } from '../model/config-info.ts';
import { planLimitPlaceholder } from '../model/inheritance.ts';
import { asArray, asObject, asString } from '../model/json.ts';
import { newUsagePlan } from '../model/templates.ts';
import { PlanApiStages } from './PlanApiStages.tsx';

const PERIODS = [
  ['DAY', 'per day'],
  ['WEEK', 'per week'],
  ['MONTH', 'per month'],
] as const;

function QuotaFields({ at }: { at: Array<string | number> }) {
  const quota = useDocValue('config', [...at, 'quota']);
  const setField = useLab((s) => s.setField);
  return (
    <fieldset className="ed-group">
      <legend>Quota</legend>
      <label className="ed-check">
        <input
          type="checkbox"
          checked={quota !== undefined}
          onChange={(e) =>
            setField('config', [...at, 'quota'], e.target.checked ? { limit: 1000, period: 'DAY' } : undefined)
          }
        />
        Enable quota
      </label>
      <ProblemsAt path={[...at, 'quota']} />
      {quota !== undefined && (
        <div className="ed-grid">
          <NumberField path={[...at, 'quota', 'limit']} label="Requests" />
          <SelectField path={[...at, 'quota', 'period']} label="Period" choices={PERIODS} />
          <NumberField
            path={[...at, 'quota', 'offset']}
            label="Offset"
            placeholder="0"
            hint="Subtracted from the first period."
          />
        </div>
      )}
    </fieldset>
  );
}

function UsagePlanCard({ index }: { index: number }) {
  const at = ['usagePlans', index];
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const id = asString(asObject(asArray(asObject(config)['usagePlans'])[index])['id']) ?? `plan ${index + 1}`;
  const removeItem = useLab((s) => s.removeItem);
  return (
    <Card
      path={at}
      title={`Usage plan ${id}`}
      testId={`usage-plan-${index}`}
      actions={
        <RemoveButton label={`Delete usage plan ${id}`} onClick={() => removeItem('config', ['usagePlans'], index)} />
      }
    >
      <div className="ed-grid">
        <TextField path={[...at, 'id']} label="Plan id" required mono />
        <TextField path={[...at, 'name']} label="Name" />
        <TextField path={[...at, 'description']} label="Description" wide />
      </div>
      <fieldset className="ed-group">
        <legend>Throttling (per API key)</legend>
        <ProblemsAt path={[...at, 'throttle']} />
        <div className="ed-grid">
          <NumberField
            path={[...at, 'throttle', 'rateLimit']}
            label="Rate (req/s)"
            placeholder={planLimitPlaceholder(config, 'rateLimit')}
          />
          <NumberField
            path={[...at, 'throttle', 'burstLimit']}
            label="Burst"
            placeholder={planLimitPlaceholder(config, 'burstLimit')}
          />
        </div>
      </fieldset>
      <QuotaFields at={at} />
      <PlanApiStages plan={index} />
    </Card>
  );
}

/** Usage plans: per-key throttles and quotas over the API stages they cover, with per-method entries. */
export function UsagePlansSection() {
  const plans = asArray(useDocValue('config', ['usagePlans']));
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const insertItem = useLab((s) => s.insertItem);
  return (
    <div className="ed-stack" data-testid="usage-plans">
      {plans.length === 0 && <p className="empty">No usage plans: keys are checked, but nothing throttles them.</p>}
      {plans.map((_plan, index) => (
        <UsagePlanCard key={index} index={index} />
      ))}
      <AddButton
        onClick={() => insertItem('config', ['usagePlans'], newUsagePlan(freeName('plan', usagePlanIds(config))))}
      >
        + Create usage plan
      </AddButton>
    </div>
  );
}
