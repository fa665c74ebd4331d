import { selectRunActive } from '../store/selectors.ts';
import { useLab } from '../store/store-context.tsx';
import { HistoryRow } from './HistoryRow.tsx';

/** Every saved run with its key totals; open one on the dashboard, rename or delete it, or pick two to compare. */
export function HistoryView() {
  const runs = useLab((s) => s.runs);
  const error = useLab((s) => s.runFilesError ?? s.historyError);
  const dismiss = useLab((s) => s.dismissRunFilesError);
  const busy = useLab(selectRunActive);
  const both = useLab((s) => s.compareRuns.a !== null && s.compareRuns.b !== null);
  const compare = useLab((s) => s.compareSavedRuns);
  const setView = useLab((s) => s.setView);
  return (
    <section className="panel view-panel" aria-label="Run history" data-testid="history-view">
      <header className="panel-header">
        <h2>Run history</h2>
        <span className="muted">{runs.length} saved</span>
        <button
          type="button"
          className="primary"
          disabled={!both}
          onClick={() => {
            setView('compare');
            void compare();
          }}
          data-testid="compare-picked"
        >
          Compare A and B
        </button>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          <span>{error}</span>
          <button type="button" onClick={dismiss} aria-label="Dismiss the error">
            ✕
          </button>
        </div>
      )}
      {runs.length === 0 ? (
        <p className="empty">No runs yet. Every run of the app is saved here.</p>
      ) : (
        <div className="table-scroll">
          <table className="history-table" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">State</th>
                <th scope="col">Duration</th>
                <th scope="col">Sent</th>
                <th scope="col">Throttled</th>
                <th scope="col">Quota</th>
                <th scope="col">Cache hits</th>
                <th scope="col">p99</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <HistoryRow key={run.runId} run={run} busy={busy} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
