import { useShallow } from 'zustand/react/shallow';
import type { RunPhase } from '../store/run-slice.ts';
import { useLab } from '../store/store-context.tsx';

const PHASE_LABELS: Record<RunPhase, string> = {
  idle: 'Ready',
  starting: 'Starting…',
  running: 'Running',
  stopping: 'Stopping…',
  finished: 'Finished',
  stopped: 'Stopped',
  failed: 'Failed',
};

/** The run's state and how far it has come through its planned duration. */
export function RunStatus() {
  const { phase, simulatedMs, plannedMs, live } = useLab(
    useShallow((s) => ({
      phase: s.runPhase,
      simulatedMs: s.progress.simulatedMs,
      plannedMs: s.progress.plannedMs,
      live: s.mode === 'live',
    })),
  );
  const fraction = plannedMs > 0 ? Math.min(1, simulatedMs / plannedMs) : phase === 'finished' ? 1 : 0;
  const percent = Math.round(fraction * 100);
  return (
    <section className="run-status" aria-label="Run progress">
      <span className={`badge badge-${phase}`} data-testid="run-state" data-state={phase} role="status">
        {PHASE_LABELS[phase]}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-label={live ? 'Elapsed time' : 'Simulated time'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="progress"
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="progress-text" data-testid="progress-text">
        {plannedMs > 0 ? `${(simulatedMs / 1000).toFixed(1)} / ${(plannedMs / 1000).toFixed(1)} s · ${percent} %` : '—'}
      </span>
    </section>
  );
}
