import { useLab } from '../store/store-context.tsx';
import { RECOMMENDED_CONFIG } from '../store/tuning-compare.ts';

const figure = (value: number) => Number(value.toPrecision(4)).toString();

/** The recommended limits and the goal's value, with Apply and a what-if against the config as it is. */
export function RecommendResultPanel() {
  const result = useLab((s) => s.recommendation);
  const applied = useLab((s) => s.recommendApplied);
  const selected = useLab((s) => s.selectedConfig);
  const apply = useLab((s) => s.applyRecommendation);
  const pick = useLab((s) => s.pickWhatIfConfig);
  const whatIf = useLab((s) => s.runWhatIf);
  const setView = useLab((s) => s.setView);
  if (!result) {
    return (
      <section className="panel side-panel" aria-label="Recommendation">
        <p className="empty">Pick a layer and a goal, then Find limits.</p>
      </section>
    );
  }
  const compare = () => {
    pick('a', selected);
    pick('b', RECOMMENDED_CONFIG);
    setView('compare');
    void whatIf();
  };
  return (
    <section className="panel side-panel" aria-label="Recommendation" data-testid="recommend-result">
      <header className="panel-header">
        <h2>Recommendation</h2>
        <span className="muted">{result.evaluations} virtual runs</span>
      </header>
      {result.limits ? (
        <dl className="facts">
          <dt>Rate</dt>
          <dd data-testid="recommend-rate">{result.limits.rate} req/s</dd>
          <dt>Burst</dt>
          <dd data-testid="recommend-burst">{result.limits.burst}</dd>
          <dt>Goal value</dt>
          <dd data-testid="recommend-value">
            {figure(result.value)} ({result.goal})
          </dd>
          <dt>Before</dt>
          <dd>
            rate {result.before.rate}, burst {result.before.burst}
          </dd>
        </dl>
      ) : (
        <p className="inline-error" data-testid="recommend-note">
          {result.note}
        </p>
      )}
      <div className="tune-actions">
        <button
          type="button"
          className="primary"
          onClick={apply}
          disabled={!result.limits}
          data-testid="recommend-apply"
        >
          Apply to the config
        </button>
        <button type="button" onClick={compare} disabled={!result.config} data-testid="recommend-what-if">
          What-if vs current
        </button>
      </div>
      {applied && (
        <p className="tune-note" role="status" data-testid="recommend-applied">
          {applied}
        </p>
      )}
    </section>
  );
}
