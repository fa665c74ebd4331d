import { useState } from 'react';
import type { RunSummary } from '../../core/contract/lab-api.ts';
import { formatCount, formatMs, formatPercent, formatSeconds } from '../format.ts';
import { useLab } from '../store/store-context.tsx';

/** One saved run: its key totals, and open, rename, delete, and pick it as A or B for a comparison. */
export function HistoryRow({ run, busy }: { run: RunSummary; busy: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const renameRun = useLab((s) => s.renameRun);
  const deleteRun = useLab((s) => s.deleteRun);
  const openRun = useLab((s) => s.openRun);
  const slots = useLab((s) => s.compareRuns);
  const pick = useLab((s) => s.pickCompareRun);
  const saved = run.state !== 'running';
  const submit = () => {
    if (editing !== null) void renameRun(run.runId, editing);
    setEditing(null);
  };
  return (
    <tr data-run-id={run.runId} data-testid="history-row">
      <th scope="row">
        {editing === null ? (
          <span className="history-name" data-testid="history-name">
            {run.name}
          </span>
        ) : (
          <input
            className="rename-input"
            value={editing}
            autoFocus
            aria-label={`New name for ${run.name}`}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
              if (e.key === 'Escape') setEditing(null);
            }}
            onBlur={submit}
            data-testid="rename-input"
          />
        )}
        <div className="muted">
          {run.scenarioName} · {run.mode} · seed {run.seed}
        </div>
      </th>
      <td>
        <span className={`badge badge-${run.state}`}>{run.state}</span>
      </td>
      <td>{formatSeconds(run.durationSeconds)}</td>
      <td>{formatCount(run.sent)}</td>
      <td data-testid="history-throttled">{formatPercent(run.throttled, run.sent)}</td>
      <td>{formatCount(run.quotaExceeded)}</td>
      <td>{(run.cacheHitRatio * 100).toFixed(1)} %</td>
      <td>{formatMs(run.p99)}</td>
      <td className="history-actions">
        <button type="button" onClick={() => void openRun(run.runId)} disabled={!saved || busy} data-testid="open-run">
          Open
        </button>
        {(['a', 'b'] as const).map((slot) => (
          <button
            key={slot}
            type="button"
            aria-pressed={slots[slot] === run.runId}
            className={slots[slot] === run.runId ? 'selected' : undefined}
            onClick={() => pick(slot, slots[slot] === run.runId ? null : run.runId)}
            disabled={!saved}
            data-testid={`pick-${slot}`}
          >
            {slot.toUpperCase()}
          </button>
        ))}
        <button type="button" onClick={() => setEditing(run.name)} disabled={editing !== null} data-testid="rename-run">
          Rename
        </button>
        {confirming ? (
          <button
            type="button"
            className="danger"
            onClick={() => void deleteRun(run.runId)}
            onBlur={() => setConfirming(false)}
            autoFocus
            data-testid="confirm-delete"
          >
            Delete?
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={!saved} data-testid="delete-run">
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}
