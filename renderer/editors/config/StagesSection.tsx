import { useLab } from '../../store/store-context.tsx';
import { Card, RemoveButton } from '../Card.tsx';
import { BoolField, SelectField } from '../fields/ChoiceFields.tsx';
import { MapField } from '../fields/MapField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { deploymentIds, freeName, stageNames } from '../model/config-info.ts';
import { asObject } from '../model/json.ts';
import { newStage } from '../model/templates.ts';
import { Tabs } from '../Tabs.tsx';
import { useApiIndex } from './ApiPicker.tsx';
import { CanaryFields } from './CanaryFields.tsx';
import { MethodSettingsTable } from './MethodSettingsTable.tsx';
import { StageCacheFields } from './StageCacheFields.tsx';

function StageCard({ api, stage, rest }: { api: number; stage: number; rest: boolean }) {
  const at = ['apis', api, 'stages', stage];
  const apiValue = useDocValue('config', ['apis', api]);
  const name = String(asObject(useDocValue('config', at))['name'] ?? '');
  const removeItem = useLab((s) => s.removeItem);
  const navigate = useLab((s) => s.navigate);
  const deployments = deploymentIds(apiValue).map((id) => [id, id] as const);
  return (
    <Card
      path={at}
      title={`Stage ${name}`}
      testId="stage-card"
      actions={
        <RemoveButton
          label={`Delete stage ${name}`}
          onClick={() => {
            removeItem('config', ['apis', api, 'stages'], stage);
            navigate({ stage: 0 });
          }}
        />
      }
    >
      <div className="ed-grid">
        <TextField path={[...at, 'name']} label="Stage name" required mono />
        <TextField path={[...at, 'description']} label="Description" />
        <SelectField
          path={[...at, 'deploymentId']}
          label="Deployment"
          choices={deployments}
          unset="none: serves the working routes"
          testId="stage-deployment"
        />
        {!rest && <BoolField path={[...at, 'autoDeploy']} label="Automatic deployment" />}
      </div>
      <MapField path={[...at, 'variables']} label="Stage variables" keyLabel="variable" newKey="name" />
      <MethodSettingsTable api={api} stage={stage} />
      {rest && <StageCacheFields at={at} />}
      {rest && <CanaryFields api={api} stage={stage} />}
    </Card>
  );
}

/** The API's stages, one tab each: deployment, variables, throttling and caching, cache cluster and canary. */
export function StagesSection() {
  const api = useApiIndex();
  const apiValue = useDocValue('config', ['apis', api]);
  const selected = useLab((s) => s.editorNav.stage);
  const navigate = useLab((s) => s.navigate);
  const insertItem = useLab((s) => s.insertItem);
  const names = stageNames(apiValue);
  const count = Array.isArray(asObject(apiValue)['stages']) ? (asObject(apiValue)['stages'] as unknown[]).length : 0;
  const stage = selected < count ? selected : 0;
  const rest = asObject(apiValue)['protocol'] !== 'HTTP';
  const add = () => {
    insertItem('config', ['apis', api, 'stages'], newStage(freeName('stage', names)));
    navigate({ stage: count });
  };
  return (
    <div className="ed-stack">
      <div className="ed-picker">
        {count > 0 && (
          <Tabs
            label="Stages"
            items={Array.from({ length: count }, (_, i) => ({ id: i, label: names[i] ?? `stage ${i + 1}` }))}
            selected={stage}
            onSelect={(i) => navigate({ stage: i })}
            panelId="stage-panel"
            testId="stage-tab"
          />
        )}
        <button type="button" onClick={add} data-testid="add-stage">
          + Create stage
        </button>
      </div>
      <div id="stage-panel" role="tabpanel">
        {count === 0 ? <p className="empty">No stages yet.</p> : <StageCard api={api} stage={stage} rest={rest} />}
      </div>
    </div>
  );
}
