import { useLab } from '../store/store-context.tsx';

/** The config changes hot-applied to the run on the dashboard, numbered as the charts' annotations are. */
export function ChangeLog() {
  const changes = useLab((s) => s.tuned.changes);
  if (changes.length === 0) return null;
  return (
    <ol className="change-log" data-testid="change-log" aria-label="Changes applied during the run">
      {changes.map((change, i) => (
        <li key={i}>
          <span className="change-badge">#{i + 1}</span>
          <span className="change-time">{(change.atMs / 1000).toFixed(1)} s</span>
          <span>{change.description}</span>
        </li>
      ))}
    </ol>
  );
}
