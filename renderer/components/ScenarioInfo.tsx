import { formatSeconds } from '../format.ts';
import type { Scenario } from '../lab/types.ts';
import { selectScenarioDoc } from '../store/selectors.ts';
import { useLab } from '../store/store-context.tsx';

function plannedSeconds(s: Scenario): number {
  if (s.phases) return s.phases.reduce((sum, p) => sum + p.durationSeconds, 0);
  if (s.concurrency) return s.concurrency.durationSeconds;
  return s.trace.reduce((latest, e) => Math.max(latest, e.at), 0) / 1000;
}

function shape(s: Scenario): string {
  if (s.phases) {
    const peak = Math.max(...s.phases.map((p) => Math.max(p.rate, p.rampTo ?? 0)));
    return `${s.phases.length} phase${s.phases.length === 1 ? '' : 's'}, ${s.arrivals}, peak ${peak} rps`;
  }
  if (s.concurrency) return `closed loop, ${s.concurrency.connections} connections`;
  return `trace of ${s.trace.length} entries`;
}

/** What the selected scenario does. */
export function ScenarioInfo() {
  const doc = useLab(selectScenarioDoc);
  const s = doc?.value;
  if (!s) return null;
  return (
    <section className="panel side-panel" aria-label="Scenario details" data-testid="scenario-info">
      <header className="panel-header">
        <h2>{s.name}</h2>
      </header>
      {s.description && <p>{s.description}</p>}
      <dl className="facts">
        <dt>Target</dt>
        <dd>
          {s.target.apiId} / {s.target.stage}
        </dd>
        <dt>Duration</dt>
        <dd>{formatSeconds(plannedSeconds(s))}</dd>
        <dt>Traffic</dt>
        <dd>{shape(s)}</dd>
        <dt>Clients</dt>
        <dd>{s.clients.length === 0 ? 'none' : s.clients.map((c) => c.name).join(', ')}</dd>
        <dt>Seed</dt>
        <dd>{s.seed}</dd>
      </dl>
    </section>
  );
}
