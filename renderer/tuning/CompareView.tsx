import { useLab } from '../store/store-context.tsx';
import { CompareResult } from './CompareResult.tsx';
import { SavedRunsForm, WhatIfForm } from './CompareForms.tsx';

/** Compare: overlay two saved runs, or run a what-if of two configs on the same traffic. */
export function CompareView() {
  const error = useLab((s) => s.compareError);
  const busy = useLab((s) => s.compareBusy);
  return (
    <div className="tuning-view" data-testid="compare-view">
      <section className="panel view-panel" aria-label="What to compare">
        <header className="panel-header">
          <h2>Compare</h2>
          {busy && (
            <span className="muted" role="status">
              Working…
            </span>
          )}
        </header>
        <div className="compare-forms">
          <SavedRunsForm />
          <WhatIfForm />
        </div>
        {error && (
          <p className="inline-error" role="alert" data-testid="compare-error">
            {error}
          </p>
        )}
      </section>
      <CompareResult />
    </div>
  );
}
