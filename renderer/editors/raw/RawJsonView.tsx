import { activeEntry } from '../../store/editor-sync.ts';
import { useLab } from '../../store/store-context.tsx';
import { useDocKind } from '../doc-kind.tsx';

/** The text the raw view shows: as typed while it differs only in layout or does not parse, else pretty JSON. */
function useRawText(): string {
  const kind = useDocKind();
  return useLab((s) => {
    const entry = activeEntry(s, kind);
    if (!entry) return '';
    const typed = s.editorRawText[entry.key];
    if (typed !== undefined) return typed;
    return typeof entry.doc.raw === 'string' ? entry.doc.raw : JSON.stringify(entry.doc.raw, null, 2);
  });
}

/**
 * The whole document as JSON, validated as you type: text that does not parse is kept (and reported with its
 * line and column by the lab, as `gatelab validate` words it), schema errors are listed with their paths.
 */
export function RawJsonView() {
  const kind = useDocKind();
  const text = useRawText();
  const editRawText = useLab((s) => s.editRawText);
  const problems = useLab((s) => activeEntry(s, kind)?.doc);
  const lines = text.split('\n').length;
  return (
    <section className="ed-raw" aria-label="Raw JSON" data-testid="raw-json">
      <label className="ed-label" htmlFor={`raw-${kind}`}>
        {kind === 'config' ? 'Config JSON (*.gatelab.json)' : 'Scenario JSON (*.scenario.json)'}
      </label>
      <textarea
        id={`raw-${kind}`}
        className="ed-input mono ed-raw-text"
        value={text}
        rows={Math.min(40, Math.max(16, lines + 1))}
        spellCheck={false}
        wrap="off"
        aria-invalid={(problems?.errors.length ?? 0) > 0 || undefined}
        aria-describedby="raw-problems"
        data-testid="raw-json-text"
        data-path="[]"
        onChange={(e) => editRawText(kind, e.target.value)}
      />
      <ul className="ed-problems" id="raw-problems" data-testid="raw-json-problems">
        {problems?.errors.map((p, i) => (
          <li key={`e${i}`} className="ed-error">
            <code>{p.pathText}</code>: {p.message}
          </li>
        ))}
        {problems?.warnings.map((p, i) => (
          <li key={`w${i}`} className="ed-warning">
            <code>{p.pathText}</code>: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
