import { useShallow } from 'zustand/react/shallow';
import type { CostEstimate } from '../../core/contract/lab-api.ts';
import { costBasis, costRows, formatMoney } from '../store/cost-view.ts';
import type { RunPhase } from '../store/run-slice.ts';
import { useLab } from '../store/store-context.tsx';
import { CostBackendInput } from './CostBackendInput.tsx';

const active = (phase: RunPhase) => phase === 'starting' || phase === 'running' || phase === 'stopping';

function CostFigures({ cost, running }: { cost: CostEstimate; running: boolean }) {
  const entered = useLab((s) => s.backendCostPerMillion);
  const total = formatMoney(cost.total, cost.currency);
  return (
    <>
      <div className="cost-total" data-testid="cost-total" data-value={cost.total}>
        <span className="cost-total-value" data-testid="cost-total-value">
          {total}
        </span>
        <span className="muted"> a month</span>
      </div>
      <p className="muted cost-basis" data-testid="cost-basis">
        {running ? 'So far: the estimate settles at the end of the run. ' : ''}
        {costBasis(cost)}.
      </p>
      <dl className="cost-rows" data-testid="cost-rows">
        {costRows(cost, entered).map((row) => (
          <div key={row.id} className="cost-row" data-testid={`cost-${row.id}`} data-value={row.raw ?? undefined}>
            <dt>{row.label}</dt>
            <dd className="cost-row-value">{row.value}</dd>
            <dd className="muted cost-row-detail">{row.detail}</dd>
          </div>
        ))}
      </dl>
      <p className="cost-note" data-testid="cost-free-tier">
        {cost.freeTierNote}
      </p>
    </>
  );
}

/**
 * The run's monthly API Gateway bill at its average rate (SPEC §8 `cost`): the total, its requests and cache parts,
 * the free tier, and the backend calls the cache saves with their value at the user's backend cost.
 */
export function CostPanel() {
  const { cost, hasRun, phase } = useLab(
    useShallow((s) => ({ cost: s.live?.cost ?? null, hasRun: s.live !== null, phase: s.runPhase })),
  );
  const running = active(phase);
  let empty: string | null = null;
  if (!hasRun)
    empty = running
      ? 'The estimate comes with the first figures of the run.'
      : 'Run a scenario to estimate what its traffic would cost a month.';
  else if (cost === null)
    empty = running
      ? 'The estimate comes at the end of the run.'
      : 'No estimate for this run: the lab has no price table (see its warnings).';
  return (
    <section className="panel side-panel cost-panel" aria-labelledby="cost-panel-title" data-testid="cost-panel">
      <header className="panel-header">
        <h2 id="cost-panel-title">Monthly cost estimate</h2>
        {cost && running && <span className="badge badge-running">live</span>}
      </header>
      {empty !== null ? (
        <p className="empty" data-testid="cost-empty">
          {empty}
        </p>
      ) : (
        cost && <CostFigures cost={cost} running={running} />
      )}
      <CostBackendInput currency={cost?.currency ?? 'USD'} />
    </section>
  );
}
