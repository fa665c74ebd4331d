import { useLab } from '../../store/store-context.tsx';
import { AddButton } from '../Card.tsx';
import { useDocValue } from '../hooks.ts';
import { asArray, asObject } from '../model/json.ts';
import { newRoute } from '../model/templates.ts';
import { RouteCard } from './RouteCard.tsx';

/** The API's working routes: what Deploy snapshots, and what a stage without a deployment serves. */
export function RoutesEditor({ api }: { api: number }) {
  const apiValue = asObject(useDocValue('config', ['apis', api]));
  const routes = asArray(apiValue['routes']);
  const protocol = apiValue['protocol'] === 'HTTP' ? 'HTTP' : 'REST';
  const insertItem = useLab((s) => s.insertItem);
  return (
    <section className="ed-stack" aria-label="Routes" data-testid="routes">
      <header className="ed-section-header">
        <h2>Routes</h2>
        <span className="muted">The working copy: stages serve deployments, so Deploy to publish changes.</span>
      </header>
      {routes.length === 0 && <p className="empty">No routes yet.</p>}
      {routes.map((_route, index) => (
        <RouteCard key={index} api={api} index={index} protocol={protocol} />
      ))}
      <AddButton
        testId="add-route"
        onClick={() => insertItem('config', ['apis', api, 'routes'], newRoute(`/resource${routes.length + 1}`))}
      >
        + Add route
      </AddButton>
    </section>
  );
}
