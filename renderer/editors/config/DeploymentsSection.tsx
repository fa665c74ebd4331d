import { useState } from 'react';
import { useLab } from '../../store/store-context.tsx';
import { RemoveButton } from '../Card.tsx';
import { EditTable } from '../EditTable.tsx';
import { useDocValue } from '../hooks.ts';
import { stageNames } from '../model/config-info.ts';
import { asArray, asObject, asString } from '../model/json.ts';
import { useApiIndex } from './ApiPicker.tsx';

/** "Deploy API": a description and the stages to point at the new deployment, as the console asks. */
function DeployForm({ api, stages }: { api: number; stages: string[] }) {
  const [description, setDescription] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const deploy = useLab((s) => s.deploy);
  const busy = useLab((s) => s.editorBusy !== null);
  const toggle = (name: string, on: boolean) =>
    setTargets((now) => (on ? [...now, name] : now.filter((n) => n !== name)));
  const submit = async () => {
    if (
      await deploy(
        api,
        description,
        targets.filter((t) => stages.includes(t)),
      )
    )
      setDescription('');
  };
  return (
    <form
      className="ed-card ed-deploy"
      aria-label="Deploy"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Deploy API</h3>
      <p className="muted">Snapshots the working routes into a new deployment. Stage settings apply without one.</p>
      <div className="ed-grid">
        <label className="ed-field wide">
          <span className="ed-label">Deployment description</span>
          <input
            className="ed-input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="deploy-description"
          />
        </label>
        <fieldset className="ed-field wide ed-checks">
          <legend className="ed-label">Point these stages at it</legend>
          {stages.length === 0 && <span className="muted">No stages yet.</span>}
          {stages.map((name) => (
            <label key={name} className="ed-check">
              <input
                type="checkbox"
                checked={targets.includes(name)}
                onChange={(e) => toggle(name, e.target.checked)}
                data-testid={`deploy-stage-${name}`}
              />
              {name}
            </label>
          ))}
        </fieldset>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="deploy-button">
        Deploy
      </button>
    </form>
  );
}

/** The API's deployments (snapshots of its routes) and which stages serve them, plus Deploy. */
export function DeploymentsSection() {
  const api = useApiIndex();
  const apiValue = asObject(useDocValue('config', ['apis', api]));
  const removeItem = useLab((s) => s.removeItem);
  const deployments = asArray(apiValue['deployments']);
  const stages = asArray(apiValue['stages']).map(asObject);
  const servedBy = (id: string | undefined) =>
    stages.flatMap((s) => {
      const name = asString(s['name']) ?? '?';
      const canary = asString(asObject(s['canarySettings'])['deploymentId']);
      return [...(s['deploymentId'] === id ? [name] : []), ...(canary === id ? [`${name} (canary)`] : [])];
    });
  return (
    <div className="ed-stack">
      <DeployForm api={api} stages={stageNames(apiValue)} />
      <section className="ed-card" aria-label="Deployments">
        <h3>Deployments</h3>
        {deployments.length === 0 ? (
          <p className="empty">No deployments: stages serve the working routes.</p>
        ) : (
          <EditTable testId="deployments" columns={['Id', 'Description', 'Created', 'Routes', 'Serving']}>
            {deployments.map((d, index) => {
              const deployment = asObject(d);
              const id = asString(deployment['id']);
              return (
                <tr key={index} data-testid={`deployment-${id ?? index}`}>
                  <td data-path={JSON.stringify(['apis', api, 'deployments', index])} tabIndex={-1}>
                    <code>{id ?? '?'}</code>
                  </td>
                  <td>{asString(deployment['description']) ?? ''}</td>
                  <td>{asString(deployment['createdAt']) ?? '—'}</td>
                  <td>{asArray(deployment['routes']).length}</td>
                  <td>{servedBy(id).join(', ') || '—'}</td>
                  <td>
                    <RemoveButton
                      label={`Delete deployment ${id ?? index}`}
                      onClick={() => removeItem('config', ['apis', api, 'deployments'], index)}
                    />
                  </td>
                </tr>
              );
            })}
          </EditTable>
        )}
      </section>
    </div>
  );
}
