import { useLab } from '../../store/store-context.tsx';
import { BoolField, SelectField } from '../fields/ChoiceFields.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { MapField } from '../fields/MapField.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useDocValue } from '../hooks.ts';
import { deploymentIds } from '../model/config-info.ts';
import { asNumber, asObject } from '../model/json.ts';

/**
 * The stage's canary: a share of traffic served by another deployment, with its own variable overrides, and
 * Promote, which moves the canary into the stage (SPEC §9).
 */
export function CanaryFields({ api, stage }: { api: number; stage: number }) {
  const at = ['apis', api, 'stages', stage, 'canarySettings'];
  const canary = useDocValue('config', at);
  const apiValue = useDocValue('config', ['apis', api]);
  const stageName = String(asObject(useDocValue('config', ['apis', api, 'stages', stage]))['name'] ?? '');
  const setField = useLab((s) => s.setField);
  const promote = useLab((s) => s.promoteCanary);
  const busy = useLab((s) => s.editorBusy !== null);
  const deployments = deploymentIds(apiValue);
  const percent = asNumber(asObject(canary)['percentTraffic']) ?? 0;
  return (
    <fieldset className="ed-group" data-testid="canary">
      <legend>Canary</legend>
      <ProblemsAt path={at} />
      {canary === undefined ? (
        <button
          type="button"
          data-testid="create-canary"
          disabled={deployments.length === 0}
          onClick={() => setField('config', at, { deploymentId: deployments.at(-1), percentTraffic: 10 })}
        >
          + Create canary
        </button>
      ) : (
        <>
          <div className="ed-grid">
            <SelectField
              path={[...at, 'deploymentId']}
              label="Canary deployment"
              choices={deployments.map((id) => [id, id] as const)}
              testId="canary-deployment"
            />
            <NumberField
              path={[...at, 'percentTraffic']}
              label="Requests to the canary (%)"
              placeholder="0"
              testId="canary-percent"
            />
            <BoolField path={[...at, 'useStageCache']} label="Use the stage cache" />
          </div>
          <MapField
            path={[...at, 'stageVariableOverrides']}
            label="Stage variable overrides"
            keyLabel="override"
            newKey="name"
          />
          <div className="ed-inline">
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="promote-canary"
              onClick={() => void promote(api, stageName)}
            >
              Promote canary
            </button>
            <span className="muted">
              {percent > 0 ? `${percent} % of requests go to the canary.` : 'No traffic goes to the canary.'}
            </span>
            <button type="button" onClick={() => setField('config', at, undefined)}>
              Delete canary
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
