import type { PlaybackSpeed, RunTick } from '../../contract/lab-api.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** Wall-clock time and timers, injected so pacing is tested without sleeping. */
export interface Scheduler {
  /** Monotonic wall-clock ms. */
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Runs `fn` as soon as pending I/O has had its turn; returns a function that cancels it. */
  defer(fn: () => void): () => void;
}

/** The real clock and timers. */
export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
  defer(fn) {
    const handle = setImmediate(fn);
    return () => clearImmediate(handle);
  },
};

/** How a run ended; the report covers what ran (null only when the run failed before it could be built). */
export interface RunEnd {
  state: 'finished' | 'stopped' | 'failed';
  report: RunReport | null;
  error?: string;
}

export interface RunDriverInput {
  runId: string;
  config: GatewayConfig;
  scenario: Scenario;
  /** Overrides the scenario's seed. */
  seed: number | undefined;
  speed: PlaybackSpeed;
  scheduler: Scheduler;
  /** A batch of progress, a few times a second; never one call per request. */
  onTick(tick: RunTick): void;
  /** Called exactly once, after the last tick. */
  onEnd(end: RunEnd): void;
}

/**
 * One run in progress, whatever executes it: the virtual simulator or the live HTTP runner. The lab host only
 * starts, paces and stops drivers and turns their ticks and reports into events and history.
 */
export interface RunDriver {
  /** The seed actually used. */
  readonly seed: number;
  start(): void;
  /**
   * Ends the run; `onEnd` reports `stopped` with what ran so far (at once for a virtual run, once the requests in
   * flight are answered for a live one).
   */
  stop(): void;
  /** Changes the pace mid-run; a live run, which sends real traffic in wall-clock time, throws `unsupported`. */
  setSpeed(speed: PlaybackSpeed): void;
  /** The report of what has run so far. */
  report(): RunReport;
  /**
   * Hot-applies a validated config now (SPEC §9 persistence rules) and returns the run time, in ms since the start,
   * at which it took effect. Absent where a mode can't do it yet.
   */
  applyConfig?(config: GatewayConfig): number;
}

export type RunDriverFactory = (input: RunDriverInput) => RunDriver;
