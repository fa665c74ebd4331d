import { useLab } from '../store/store-context.tsx';
import { DiffTable } from './DiffTable.tsx';
import { OverlayChart } from './OverlayChart.tsx';
import { OVERLAYS } from './overlays.ts';

/** The comparison: the diff table, then each figure of A and B overlaid per second. */
export function CompareResult() {
  const comparison = useLab((s) => s.comparison);
  const kind = useLab((s) => s.compareKind);
  if (!comparison) {
    return (
      <p className="empty view-empty" data-testid="compare-empty">
        Pick two runs, or two configs for a what-if.
      </p>
    );
  }
  const labels = { a: comparison.a.label, b: comparison.b.label };
  const seed = comparison.a.report.seed;
  return (
    <section className="compare-result" aria-label="Comparison" data-testid="compare-result" data-kind={kind}>
      <section className="panel view-panel">
        <header className="panel-header">
          <h2>{kind === 'whatIf' ? 'What-if' : 'Two runs'}</h2>
          <span className="muted">
            {comparison.a.report.scenario.name} · seed {seed}
            {kind === 'whatIf' ? ' · identical arrivals' : ''}
          </span>
        </header>
        <DiffTable rows={comparison.diff} labels={labels} />
      </section>
      <div className="chart-grid">
        {OVERLAYS.map((overlay) => (
          <OverlayChart key={overlay.id} overlay={overlay} comparison={comparison} />
        ))}
      </div>
    </section>
  );
}
