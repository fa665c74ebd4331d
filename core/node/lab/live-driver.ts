import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { Gateway } from '../../engine/gateway/gateway.ts';
import { buildReport } from '../../engine/run/build-report.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { RunRecorder } from '../../engine/run/run-recorder.ts';
import { scenarioDurationMs } from '../../engine/scenario/offered-rate.ts';
import { runLive, type LiveRunHandle, type LiveRunOptions } from '../live/live-run.ts';
import { bucketLabeler } from './bucket-labels.ts';
import { LabError } from './lab-error.ts';
import type { RunDriver, RunDriverFactory, RunDriverInput, RunEnd } from './run-driver.ts';
import { buildTick } from './run-tick.ts';

/** Wall ms between dashboard updates: 8 a second, whatever the request rate. */
const LIVE_TICK_MS = 125;

/** Where the lab's live runs find their workers (a bundled app passes its own), and a hook tests read metrics in. */
export type LiveDriverOptions = Pick<LiveRunOptions, 'loadWorkerFile' | 'lambdaWorkerFile' | 'drainMs' | 'beforeClose'>;

type Levels = Pick<Gateway, 'bucketLevels' | 'quotaUsage'>;

const noLevels: Levels = { bucketLevels: () => [], quotaUsage: () => [] };
const epochNow = (): number => performance.timeOrigin + performance.now();
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A live run in the lab (SPEC §7): `runLive` against its own in-process gateway on a free loopback port, the load
 * in a worker thread, and a timer that turns the recorder's state into one batched tick every `LIVE_TICK_MS`.
 * Runs in wall-clock time, so its pace can't change; configs hot-apply to the running gateway.
 */
class LiveDriver implements RunDriver {
  readonly seed: number;
  private readonly controller = new AbortController();
  private readonly label: (id: string) => string;
  private readonly plannedMs: number;
  private readonly createdAt = Date.now();
  private handle: LiveRunHandle | null = null;
  /** A config applied before the gateway was up: it goes in as soon as the gateway is. */
  private pending: GatewayConfig | null = null;
  private final: RunReport | null = null;
  private cancelTick: (() => void) | null = null;
  private closedSeconds = 0;
  private sentSeconds = 0;
  private stopping = false;
  private ended = false;

  constructor(
    private readonly input: RunDriverInput,
    private readonly options: LiveDriverOptions,
  ) {
    this.seed = input.seed ?? input.scenario.seed;
    this.label = bucketLabeler(input.config.apis.length > 1);
    this.plannedMs = scenarioDurationMs(input.scenario);
  }

  start(): void {
    const { config, scenario } = this.input;
    const options: LiveRunOptions = {
      ...this.options,
      config,
      scenario,
      seed: this.seed,
      signal: this.controller.signal,
      onStart: (handle) => this.started(handle),
      onProgress: ({ elapsedMs }) => (this.closedSeconds = Math.max(this.closedSeconds, Math.round(elapsedMs / 1000))),
    };
    this.scheduleTick();
    runLive(options).then(
      (report) => this.end({ state: this.stopping ? 'stopped' : 'finished', report }),
      (error: unknown) => this.end({ state: 'failed', report: this.partial(), error: messageOf(error) }),
    );
  }

  /** Stops sending; the run ends (`onEnd`, `stopped`) once the requests in flight are answered or cut off. */
  stop(): void {
    if (this.ended || this.stopping) return;
    this.stopping = true;
    this.controller.abort();
  }

  setSpeed(): void {
    throw new LabError(
      LAB_ERROR.unsupported,
      'a live run sends real requests in wall-clock time, so its speed cannot change; playback speed is for virtual runs',
    );
  }

  /** Swaps the running gateway's config at once (SPEC §9 rules); the change lands at the wall-clock time now. */
  applyConfig(config: GatewayConfig): number {
    const host = this.handle?.gatewayHost;
    if (!host) {
      this.pending = config;
      return 0;
    }
    host.applyConfig(config);
    return this.elapsedMs();
  }

  report(): RunReport {
    if (this.final) return this.final;
    const { config, scenario } = this.input;
    const handle = this.handle;
    return buildReport({
      mode: 'live',
      seed: this.seed,
      config,
      scenario,
      startedAt: new Date(handle?.startEpochMs ?? this.createdAt).toISOString(),
      endMs: this.elapsedMs(),
      gateway: handle ? this.levels(handle) : noLevels,
      recorder: handle?.recorder ?? new RunRecorder(scenario.clients.map((c) => c.name)),
    });
  }

  private started(handle: LiveRunHandle): void {
    this.handle = handle;
    if (this.pending !== null) handle.gatewayHost?.applyConfig(this.pending);
    this.pending = null;
  }

  /** ms since the load's t = 0 (0 until the generator has started). */
  private elapsedMs(): number {
    const start = this.handle?.startEpochMs ?? null;
    return start === null ? 0 : Math.max(0, epochNow() - start);
  }

  /** The gateway's levels and quotas by run time: its engine counts in epoch ms. */
  private levels(handle: LiveRunHandle): Levels {
    const gateway = handle.gatewayHost?.gateway;
    if (!gateway) return noLevels;
    const start = handle.startEpochMs ?? epochNow();
    return {
      bucketLevels: (ms) => gateway.bucketLevels(start + ms),
      quotaUsage: (ms) => gateway.quotaUsage(start + ms),
    };
  }

  private scheduleTick(): void {
    this.cancelTick = this.input.scheduler.after(LIVE_TICK_MS, () => {
      this.cancelTick = null;
      if (this.ended) return;
      this.tick();
      this.scheduleTick();
    });
  }

  private tick(): void {
    const handle = this.handle;
    if (handle === null) return;
    const { recorder } = handle;
    // Counters go by intended send time, so an answer can still land in a closed second: a second is sent one
    // closed second late, when its answers are in, and the ticks' series then match the saved report's.
    const series = recorder.series();
    const lastSecond = series.length === 0 ? 0 : series[series.length - 1]!.t + 1;
    const reached = this.final ? lastSecond : this.closedSeconds - 1;
    const closedUpTo = Math.max(this.sentSeconds, reached);
    const closed = recorder.seriesBetween(this.sentSeconds, closedUpTo);
    this.sentSeconds = closedUpTo;
    const simulatedMs = this.final ? this.final.durationSeconds * 1000 : this.elapsedMs();
    const { runId } = this.input;
    const gateway = this.levels(handle);
    const plannedMs = this.plannedMs;
    this.input.onTick(buildTick({ runId, gateway, recorder, simulatedMs, plannedMs, closed, label: this.label }));
  }

  /** What ran before a failure, when there is anything to report. */
  private partial(): RunReport | null {
    if (this.handle === null) return null;
    try {
      return this.report();
    } catch {
      return null;
    }
  }

  private end(end: RunEnd): void {
    if (this.ended) return;
    this.final = end.report;
    this.ended = true;
    this.cancelTick?.();
    this.cancelTick = null;
    try {
      this.tick();
    } catch {
      // A final tick is a courtesy; the end report below carries the same figures.
    }
    this.input.onEnd(end);
  }
}

/** Starts live runs in the lab; `options` say where the workers are (a bundled app) and help tests watch the gateway. */
export function createLiveDriver(options: LiveDriverOptions = {}): RunDriverFactory {
  return (input) => new LiveDriver(input, options);
}
