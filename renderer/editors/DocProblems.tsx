import type { FieldProblem } from '../../core/contract/lab-api.ts';
import { activeDoc, activeName, docKey } from '../store/editor-docs.ts';
import { useLab } from '../store/store-context.tsx';
import { useDocKind } from './doc-kind.tsx';

function ProblemItem({ problem, severity }: { problem: FieldProblem; severity: 'error' | 'warning' }) {
  const kind = useDocKind();
  const focusProblem = useLab((s) => s.focusProblem);
  return (
    <li className={`problem problem-${severity}`}>
      <button type="button" className="ed-link" onClick={() => focusProblem(kind, problem.path)}>
        <code>{problem.pathText || '(root)'}</code>
      </button>
      <span>{problem.message}</span>
    </li>
  );
}

/** Every error and warning of the document on screen, each a link to its field. */
export function DocProblems() {
  const kind = useDocKind();
  const doc = useLab((s) => activeDoc(s, kind));
  const pending = useLab((s) => {
    const name = activeName(s, kind);
    return name !== null && s.editorPending[docKey(kind, name)] === true;
  });
  if (!doc) return null;
  const { errors, warnings } = doc;
  return (
    <section className="panel ed-problem-list" aria-label="Validation" data-testid="editor-problems">
      <header className="panel-header">
        <h2>Validation</h2>
        <span
          className="muted"
          data-testid="editor-validation"
          data-state={pending ? 'pending' : doc.ok ? 'valid' : 'invalid'}
        >
          {pending ? 'checking…' : `${errors.length} errors · ${warnings.length} warnings`}
        </span>
      </header>
      {errors.length + warnings.length === 0 ? (
        <p className="empty">No problems: gatelab validate would accept it.</p>
      ) : (
        <ul className="problems">
          {errors.map((p, i) => (
            <ProblemItem key={`e${i}`} problem={p} severity="error" />
          ))}
          {warnings.map((p, i) => (
            <ProblemItem key={`w${i}`} problem={p} severity="warning" />
          ))}
        </ul>
      )}
    </section>
  );
}
