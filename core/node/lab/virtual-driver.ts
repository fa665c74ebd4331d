import type { PlaybackSpeed } from '../../contract/lab-api.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { buildReport } from '../../engine/run/build-report.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { VirtualRun } from '../../engine/sim/virtual-run.ts';
import { bucketLabeler } from './bucket-labels.ts';
import type { RunDriver, RunDriverFactory, RunDriverInput, RunEnd } from './run-driver.ts';
import { buildTick } from './run-tick.ts';

/** Wall ms between paced turns: 8 dashboard updates a second. */
export const TURN_MS = 125;
/** CPU ms one turn may spend simulating before it yields, so the host's I/O (sockets, IPC) stays responsive. */
export const TURN_BUDGET_MS = 40;
/** At speed `max` turns come back to back, but ticks no closer than this: the dashboard wants 4–10 Hz. */
const MAX_SPEED_TICK_GAP_MS = 100;
/** After a stall (a suspended laptop) a paced run resumes instead of racing to catch up. */
const MAX_CATCH_UP_MS = 4 * TURN_MS;
/**
 * A second's counters are by arrival, so a response still in flight when the second ends is counted into it later.
 * Seconds are sent this much simulated time after they end, when nearly every response is in (latencies are well
 * under a second), so the live charts match the exported series; totals and bucket levels are always current.
 */
const CLOSE_GRACE_MS = 1000;
const MIN_STEP_MS = 1;
const MAX_STEP_MS = 60_000;

/**
 * A virtual run paced by timers (SPEC §7): every turn advances simulated time by `speed × elapsed wall time`, or
 * at speed `max` as far as the CPU budget allows, and emits one batched tick with the seconds closed since the
 * previous one. Each turn advances in steps whose size adapts to the load, so a budget is never overrun by much.
 */
class VirtualDriver implements RunDriver {
  readonly seed: number;
  private readonly run: VirtualRun;
  private readonly label: (id: string) => string;
  private speed: PlaybackSpeed;
  private cancelTurn: (() => void) | null = null;
  private lastWall = 0;
  private lastTickWall = Number.NEGATIVE_INFINITY;
  private sentSeconds = 0;
  private stepMs = 1000;
  private ended = false;

  constructor(private readonly input: RunDriverInput) {
    const { config, scenario, seed } = input;
    this.run = new VirtualRun({ config, scenario, ...(seed === undefined ? {} : { seed }) });
    this.seed = this.run.seed;
    this.speed = input.speed;
    this.label = bucketLabeler(config.apis.length > 1);
  }

  start(): void {
    this.lastWall = this.input.scheduler.now();
    this.schedule();
  }

  stop(): void {
    if (!this.ended) this.end({ state: 'stopped', report: this.report() });
  }

  setSpeed(speed: PlaybackSpeed): void {
    if (this.ended || speed === this.speed) return;
    this.cancelTurn?.();
    this.speed = speed;
    this.lastWall = this.input.scheduler.now();
    this.schedule();
  }

  /** Between two slices, since a turn never yields mid-slice: the change lands at the simulated time reached. */
  applyConfig(config: GatewayConfig): number {
    this.run.applyConfig(config);
    return this.run.now;
  }

  report(): RunReport {
    const { config, scenario } = this.input;
    return buildReport({
      mode: 'virtual',
      seed: this.run.seed,
      config,
      scenario,
      startedAt: new Date(Date.parse(scenario.startTime)).toISOString(),
      endMs: this.run.now,
      gateway: this.run.gateway,
      recorder: this.run.recorder,
    });
  }

  private schedule(): void {
    const { scheduler } = this.input;
    const turn = () => this.turn();
    this.cancelTurn = this.speed === 'max' ? scheduler.defer(turn) : scheduler.after(TURN_MS, turn);
  }

  private turn(): void {
    this.cancelTurn = null;
    if (this.ended) return;
    let finished: boolean;
    try {
      finished = this.advance();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (finished) {
      this.end({ state: 'finished', report: this.report() });
      return;
    }
    const now = this.input.scheduler.now();
    if (this.speed !== 'max' || now - this.lastTickWall >= MAX_SPEED_TICK_GAP_MS) this.tick(now);
    this.schedule();
  }

  private advance(): boolean {
    if (this.speed === 'max') return this.advanceTo(Number.POSITIVE_INFINITY);
    const now = this.input.scheduler.now();
    const elapsed = Math.min(Math.max(0, now - this.lastWall), MAX_CATCH_UP_MS);
    this.lastWall = now;
    // From where the run is, not from where it should be: a turn cut short by the budget drops its debt.
    return this.advanceTo(this.run.now + this.speed * elapsed);
  }

  private advanceTo(goalMs: number): boolean {
    const { scheduler } = this.input;
    const started = scheduler.now();
    while (this.run.now < goalMs) {
      const stepStarted = scheduler.now();
      if (this.run.advance(Math.min(goalMs, this.run.now + this.stepMs))) return true;
      const spent = scheduler.now() - stepStarted;
      if (spent < TURN_BUDGET_MS / 10) this.stepMs = Math.min(MAX_STEP_MS, this.stepMs * 2);
      else if (spent > TURN_BUDGET_MS / 3) this.stepMs = Math.max(MIN_STEP_MS, this.stepMs / 2);
      if (scheduler.now() - started >= TURN_BUDGET_MS) break;
    }
    return false;
  }

  private tick(wallNow: number): void {
    this.lastTickWall = wallNow;
    const { now, done } = this.run;
    const reached = done ? Math.ceil(now / 1000) : Math.floor((now - CLOSE_GRACE_MS) / 1000);
    const closedUpTo = Math.max(this.sentSeconds, reached);
    const closed = this.run.recorder.seriesBetween(this.sentSeconds, closedUpTo);
    this.sentSeconds = closedUpTo;
    const { simulatedMs, plannedMs } = this.run.progress();
    const { recorder, gateway } = this.run;
    this.input.onTick(
      buildTick({ runId: this.input.runId, gateway, recorder, simulatedMs, plannedMs, closed, label: this.label }),
    );
  }

  private fail(error: unknown): void {
    let report: RunReport | null = null;
    try {
      report = this.report();
    } catch {
      // The run's own state is what failed; the error below is what the user needs.
    }
    this.end({ state: 'failed', report, error: error instanceof Error ? error.message : String(error) });
  }

  private end(end: RunEnd): void {
    this.ended = true;
    this.cancelTurn?.();
    this.cancelTurn = null;
    try {
      this.tick(this.input.scheduler.now());
    } catch {
      // A final tick is a courtesy; the end report below carries the same figures.
    }
    this.input.onEnd(end);
  }
}

/** Starts virtual runs (the first `RunDriver`). */
export const createVirtualDriver: RunDriverFactory = (input) => new VirtualDriver(input);
