import { useMemo } from 'react';
import { useLab } from '../store/store-context.tsx';
import { targetLayers } from '../store/tuning-recommend.ts';
import { RecommendCurve } from './RecommendCurve.tsx';
import { RecommendResultPanel } from './RecommendResultPanel.tsx';

const GOALS = ['throttledRatio<=0.01', 'throttled==0', 'rejectedRatio<=0.05', 'okRatio>=0.99', 'p99<=250'];

/** The recommender: the smallest limits at one layer that meet a goal on the selected scenario. */
export function RecommendView() {
  const config = useLab((s) => (s.selectedConfig ? s.configs[s.selectedConfig]?.value : undefined));
  const target = useLab((s) => (s.selectedScenario ? s.scenarios[s.selectedScenario]?.value?.target : undefined));
  const picked = useLab((s) => s.recommendLayer);
  const { options, chosen } = useMemo(() => targetLayers(config, target, picked), [config, target, picked]);
  const goal = useLab((s) => s.recommendGoal);
  const busy = useLab((s) => s.recommendBusy);
  const evaluations = useLab((s) => s.recommendProgress?.evaluations ?? 0);
  const error = useLab((s) => s.recommendError);
  const scenario = useLab((s) => (s.selectedScenario ? s.scenarios[s.selectedScenario]?.value?.name : undefined));
  const setLayer = useLab((s) => s.setRecommendLayer);
  const setGoal = useLab((s) => s.setRecommendGoal);
  const run = useLab((s) => s.runRecommend);
  return (
    <div className="tuning-view" data-testid="recommend-view">
      <section className="panel view-panel" aria-label="Recommender">
        <header className="panel-header">
          <h2>Recommend limits</h2>
          <span className="muted">on “{scenario ?? 'no scenario'}”, in virtual mode</span>
        </header>
        <p className="muted">
          Searches the smallest rate that meets the goal with the burst as it is, then the smallest burst at that rate.
        </p>
        <form
          className="recommend-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="field">
            <span>Layer</span>
            <select
              value={chosen?.key ?? ''}
              onChange={(e) => setLayer(e.target.value)}
              disabled={busy}
              data-testid="recommend-layer"
            >
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Goal</span>
            <input
              value={goal}
              onChange={(e) => setGoal(e.target.value)}
              list="recommend-goals"
              disabled={busy}
              spellCheck={false}
              data-testid="recommend-goal"
            />
            <datalist id="recommend-goals">
              {GOALS.map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
          </label>
          <button type="submit" className="primary" disabled={busy || !chosen} data-testid="recommend-run">
            {busy ? 'Searching…' : 'Find limits'}
          </button>
          <span className="muted" role="status" data-testid="recommend-progress">
            {busy || evaluations > 0 ? `${evaluations} virtual runs` : ''}
          </span>
        </form>
        {error && (
          <p className="inline-error" role="alert" data-testid="recommend-error">
            {error}
          </p>
        )}
      </section>
      <div className="recommend-grid">
        <RecommendCurve />
        <RecommendResultPanel />
      </div>
    </div>
  );
}
