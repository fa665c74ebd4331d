import type { FieldProblem } from '../../core/contract/lab-api.ts';
import { selectConfigDoc, selectScenarioDoc } from '../store/selectors.ts';
import { useLab } from '../store/store-context.tsx';

interface Listed extends FieldProblem {
  severity: 'error' | 'warning';
  document: string;
}

function collect(document: string, doc: { errors: FieldProblem[]; warnings: FieldProblem[] } | undefined): Listed[] {
  if (!doc) return [];
  return [
    ...doc.errors.map((p) => ({ ...p, severity: 'error' as const, document })),
    ...doc.warnings.map((p) => ({ ...p, severity: 'warning' as const, document })),
  ];
}

/** Validation errors and lint warnings of the selected config and scenario. */
export function ProblemsPanel() {
  const config = useLab(selectConfigDoc);
  const scenario = useLab(selectScenarioDoc);
  const problems = [...collect('config', config), ...collect('scenario', scenario)];
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="panel side-panel" aria-label="Problems" data-testid="problems">
      <header className="panel-header">
        <h2>Problems</h2>
        <span className="muted">
          {errors} errors · {problems.length - errors} warnings
        </span>
      </header>
      {problems.length === 0 ? (
        <p className="empty">The config and scenario are valid.</p>
      ) : (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`}>
              <span className="problem-kind">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
              <code>
                {p.document}: {p.pathText || '(root)'}
              </code>
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
