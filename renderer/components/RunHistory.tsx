import { formatCount, formatMs, formatPercent, formatSeconds } from '../format.ts';
import { useLab } from '../store/store-context.tsx';

/** Past runs the lab remembers. */
export function RunHistory() {
  const runs = useLab((s) => s.runs);
  const error = useLab((s) => s.historyError);
  return (
    <section className="panel side-panel" aria-label="Run history">
      <header className="panel-header">
        <h2>Run history</h2>
        <span className="muted">{runs.length}</span>
      </header>
      {error && <p className="inline-error">{error}</p>}
      {runs.length === 0 ? (
        <p className="empty">No runs yet.</p>
      ) : (
        <ol className="history" data-testid="run-history">
          {runs.map((run) => (
            <li key={run.runId} data-run-id={run.runId}>
              <div className="history-head">
                <span className="history-name">{run.name}</span>
                <span className={`badge badge-${run.state}`}>{run.state}</span>
              </div>
              <div className="muted">
                {run.mode} · seed {run.seed} · {formatSeconds(run.durationSeconds)}
              </div>
              <div className="history-figures">
                <span>{formatCount(run.sent)} sent</span>
                <span>{formatPercent(run.throttled, run.sent)} throttled</span>
                <span>{(run.cacheHitRatio * 100).toFixed(1)} % hits</span>
                <span>p99 {formatMs(run.p99)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
