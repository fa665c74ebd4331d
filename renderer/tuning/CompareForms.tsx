import { RECOMMENDED_CONFIG } from '../store/tuning-compare.ts';
import { useLab } from '../store/store-context.tsx';

/** Two saved runs, picked here or with A and B in the history. */
export function SavedRunsForm() {
  const runs = useLab((s) => s.runs);
  const picked = useLab((s) => s.compareRuns);
  const pick = useLab((s) => s.pickCompareRun);
  const compare = useLab((s) => s.compareSavedRuns);
  const busy = useLab((s) => s.compareBusy);
  const saved = runs.filter((r) => r.state !== 'running');
  return (
    <fieldset className="compare-form" data-testid="compare-runs-form">
      <legend>Two saved runs</legend>
      {(['a', 'b'] as const).map((slot) => (
        <label key={slot} className="field">
          <span>Run {slot.toUpperCase()}</span>
          <select
            value={picked[slot] ?? ''}
            onChange={(e) => pick(slot, e.target.value || null)}
            data-testid={`compare-run-${slot}`}
          >
            <option value="">Pick a run…</option>
            {saved.map((r) => (
              <option key={r.runId} value={r.runId}>
                {r.name} · {r.runId}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button
        type="button"
        className="primary"
        onClick={() => void compare()}
        disabled={busy || !picked.a || !picked.b}
        data-testid="compare-runs"
      >
        Compare runs
      </button>
    </fieldset>
  );
}

/** The same scenario and seed against two configs: identical arrivals, so any difference is the config's. */
export function WhatIfForm() {
  const configs = useLab((s) => s.configs);
  const picked = useLab((s) => s.whatIfConfigs);
  const selected = useLab((s) => s.selectedConfig);
  const recommended = useLab((s) => (s.recommendation?.config ? s.recommendation : null));
  const scenario = useLab((s) => (s.selectedScenario ? s.scenarios[s.selectedScenario]?.value : undefined));
  const pick = useLab((s) => s.pickWhatIfConfig);
  const run = useLab((s) => s.runWhatIf);
  const busy = useLab((s) => s.compareBusy);
  const choice = { a: picked.a ?? selected, b: picked.b };
  return (
    <fieldset className="compare-form" data-testid="what-if-form">
      <legend>What-if: two configs on “{scenario?.name ?? 'no scenario'}”</legend>
      {(['a', 'b'] as const).map((slot) => (
        <label key={slot} className="field">
          <span>Config {slot.toUpperCase()}</span>
          <select
            value={choice[slot] ?? ''}
            onChange={(e) => pick(slot, e.target.value || null)}
            data-testid={`what-if-${slot}`}
          >
            <option value="">Pick a config…</option>
            {Object.entries(configs).map(([name, doc]) => (
              <option key={name} value={name} disabled={!doc.value}>
                {doc.value?.name ?? name} ({name})
              </option>
            ))}
            {recommended && <option value={RECOMMENDED_CONFIG}>Recommended limits ({recommended.goal})</option>}
          </select>
        </label>
      ))}
      <button
        type="button"
        className="primary"
        onClick={() => void run()}
        disabled={busy || !choice.a || !choice.b || !scenario}
        data-testid="run-what-if"
      >
        {busy ? 'Running…' : 'Run what-if'}
      </button>
    </fieldset>
  );
}
