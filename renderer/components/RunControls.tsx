import type { PlaybackSpeed, RunMode } from '../../core/contract/lab-api.ts';
import { selectRunActive } from '../store/selectors.ts';
import { useLab } from '../store/store-context.tsx';

const SPEEDS: Array<{ value: PlaybackSpeed; label: string }> = [
  { value: 0.1, label: '0.1×' },
  { value: 1, label: '1×' },
  { value: 10, label: '10×' },
  { value: 'max', label: 'Max' },
];

/** Virtual runs only: how many simulated seconds pass per wall-clock second. Changes apply to a running run. */
export function SpeedControl() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  const live = useLab((s) => s.mode === 'live');
  return (
    <fieldset className="segmented" disabled={live} data-testid="speed-control">
      <legend>Playback speed</legend>
      {SPEEDS.map(({ value, label }) => (
        <label key={String(value)} className={speed === value ? 'selected' : undefined}>
          <input
            type="radio"
            name="playback-speed"
            value={String(value)}
            checked={speed === value}
            onChange={() => void setSpeed(value)}
            data-testid={`speed-${value}`}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Virtual (simulated clock) or live (real HTTP over loopback). */
export function ModeSelect() {
  const mode = useLab((s) => s.mode);
  const setMode = useLab((s) => s.setMode);
  const busy = useLab(selectRunActive);
  return (
    <label className="field">
      <span>Mode</span>
      <select
        value={mode}
        onChange={(e) => setMode(e.target.value as RunMode)}
        disabled={busy}
        data-testid="mode-select"
      >
        <option value="virtual">Virtual clock</option>
        <option value="live">Live HTTP</option>
      </select>
    </label>
  );
}

/** Run and Stop. */
export function RunButtons() {
  const busy = useLab(selectRunActive);
  const canStop = useLab((s) => s.runId !== null && (s.runPhase === 'running' || s.runPhase === 'starting'));
  const ready = useLab((s) => s.selectedConfig !== null && s.selectedScenario !== null);
  const startRun = useLab((s) => s.startRun);
  const stopRun = useLab((s) => s.stopRun);
  return (
    <div className="run-buttons">
      <button
        type="button"
        className="primary"
        onClick={() => void startRun()}
        disabled={busy || !ready}
        data-testid="run-button"
      >
        ▶ Run
      </button>
      <button type="button" onClick={() => void stopRun()} disabled={!canStop} data-testid="stop-button">
        ■ Stop
      </button>
    </div>
  );
}
