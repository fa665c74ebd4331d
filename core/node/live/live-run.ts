import type { GatewayConfig } from '../../engine/config/schema.ts';
import { buildReport, type ReportInput } from '../../engine/run/build-report.ts';
import { RunRecorder } from '../../engine/run/run-recorder.ts';
import { scenarioDurationMs } from '../../engine/scenario/offered-rate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { RequestLine } from '../../engine/sim/request-line.ts';
import { startGatewayServer, type GatewayServer } from '../server/gateway-server.ts';
import { lacksThrottleLayer } from './classify-response.ts';
import {
  checkTarget,
  finishedGateway,
  inProcessSource,
  LiveRunError,
  targetSource,
  type GatewaySource,
} from './gateway-source.ts';
import { LineOrder, requestLine } from './line-order.ts';
import { LoadGenerator } from './load-generator.ts';
import type { LiveFact } from './live-protocol.ts';
import { liveSection, type LiveRunReport } from './live-report.ts';
import { RoutePlaces } from './route-places.ts';

export interface LiveRunOptions {
  config: GatewayConfig;
  scenario: Scenario;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** LAMBDA `file` paths resolve from here (the config file's folder). */
  configDir?: string;
  /** A running `gatelab serve` (`http://HOST:PORT`) instead of an in-process gateway. */
  target?: string;
  /** Each response's NDJSON record, in send order. */
  onLine?: (line: RequestLine) => void;
  /** After each second of the run. */
  onProgress?: (progress: { elapsedMs: number; plannedMs: number; sent: number }) => void;
  /** Aborting stops the load; the report then covers what was answered (Ctrl-C). */
  signal?: AbortSignal;
  /** Called with the gateway's URL after the run, before the in-process gateway closes (tests read its metrics). */
  beforeClose?: (gatewayUrl: string) => Promise<void>;
  /** How long in-flight requests may take after the plan has ended. Default 35 s (beyond the 29 s integration timeout). */
  drainMs?: number;
  /** Open-loop keep-alive connections at most. Default 512. */
  maxConnections?: number;
  /** Further report inputs, as a virtual run's host passes them (prices for the cost estimate). */
  reportExtras?: Omit<
    Partial<ReportInput>,
    'mode' | 'seed' | 'config' | 'scenario' | 'startedAt' | 'endMs' | 'gateway' | 'recorder'
  >;
}

/** Worker start-up and the report's last steps, beyond the planned duration and the drain. */
const WATCHDOG_SLACK_MS = 15_000;

/** Second-boundary bucket levels, taken as the boundary passes, so later requests don't move them. */
class BoundarySampler {
  private readonly samples = new Map<number, Promise<Record<string, number>>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startEpochMs = 0;

  constructor(private readonly source: GatewaySource) {}

  start(startEpochMs: number): void {
    this.startEpochMs = startEpochMs;
    this.arm(0);
  }

  private arm(second: number): void {
    const boundary = this.startEpochMs + (second + 1) * 1000;
    this.timer = setTimeout(
      () => {
        this.samples.set(second, this.source.levels(boundary));
        this.arm(second + 1);
      },
      boundary - (performance.timeOrigin + performance.now()),
    );
  }

  take(second: number): Promise<Record<string, number>> {
    const sample = this.samples.get(second) ?? this.source.levels(this.startEpochMs + (second + 1) * 1000);
    this.samples.delete(second);
    return sample;
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

/**
 * Runs a scenario live (SPEC §7): real HTTP over loopback against an in-process gateway (or `target`), the load
 * generated in a worker thread, every response counted by the same recorder and report as a virtual run, plus a
 * `live` section with the intended and achieved rate per second. Throws `LiveRunError` for runtime failures.
 */
export async function runLive(options: LiveRunOptions): Promise<LiveRunReport> {
  const { config, scenario, target } = options;
  const seed = options.seed ?? scenario.seed;
  const warnings = target === undefined ? [] : await checkTarget(target, config);
  let server: GatewayServer | null = null;
  if (target === undefined) {
    const dir = options.configDir === undefined ? {} : { configDir: options.configDir };
    server = await startGatewayServer({ config, port: 0, seed, debugHeaders: true, ...dir });
  }
  const source = server ? inProcessSource(server.gatewayHost.gateway) : targetSource(target!);
  const sampler = new BoundarySampler(source);
  const plannedMs = scenarioDurationMs(scenario);
  const drainMs = options.drainMs ?? 35_000;
  const recorder = new RunRecorder(scenario.clients.map((c) => c.name));
  const places = new RoutePlaces(config);
  const order = options.onLine ? new LineOrder(options.onLine) : null;
  let startEpochMs = Date.now();
  let missingLayer = false;
  const record = (fact: LiveFact): void => {
    const place = places.placeOf(fact.apiId, fact.method, fact.path);
    const { status, gatewayError, throttledBy, cache, integrationCalled } = fact;
    const outcome = { status, gatewayError, throttledBy, cache, integrationCalled, ...place };
    recorder.record({
      seq: fact.seq,
      t: fact.t,
      attempt: fact.attempt,
      client: fact.client,
      latencyMs: fact.latencyMs,
      outcome,
    });
    if (lacksThrottleLayer(outcome)) missingLayer = true;
    order?.push(requestLine(fact));
  };
  const generator = new LoadGenerator(
    {
      scenario,
      seed,
      origin: server ? server.url : new URL(target!).origin,
      keepBodies: order !== null,
      drainMs,
      maxConnections: options.maxConnections ?? 512,
    },
    {
      started: (epochMs) => {
        startEpochMs = epochMs;
        sampler.start(epochMs);
      },
      facts: (facts, skipped) => {
        for (const fact of facts) record(fact);
        for (const seq of skipped) order?.skip(seq);
      },
      second: async (second) => {
        recorder.closeSecond(second, await sampler.take(second));
        options.onProgress?.({ elapsedMs: (second + 1) * 1000, plannedMs, sent: recorder.sent });
      },
    },
  );
  const stop = (): void => generator.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  // The worker bounds its own run; this only catches a generator that stopped answering altogether.
  const watchdog = setTimeout(
    () => void generator.kill('the load generator stopped answering'),
    plannedMs + drainMs + WATCHDOG_SLACK_MS,
  );
  try {
    const done = await generator.done.catch((error: Error) => {
      throw new LiveRunError(error.message);
    });
    order?.flush();
    if (recorder.sent === 0 && done.unanswered > 0) {
      throw new LiveRunError(`no request was answered (${done.firstError ?? 'no answer'})`);
    }
    if (missingLayer) {
      warnings.push(
        '429 responses without x-gatelab-throttled-by: the gateway runs without debug headers, so throttles are not counted by layer',
      );
    }
    const snapshot = await source.snapshot(startEpochMs + done.endMs);
    const report = buildReport({
      ...options.reportExtras,
      mode: 'live',
      seed,
      config,
      scenario,
      startedAt: new Date(startEpochMs).toISOString(),
      endMs: done.endMs,
      gateway: finishedGateway(snapshot),
      recorder,
    });
    const live = liveSection(done, plannedMs, target ?? null, warnings);
    if (server && options.beforeClose) await options.beforeClose(server.url);
    return { ...report, live };
  } finally {
    clearTimeout(watchdog);
    options.signal?.removeEventListener('abort', stop);
    sampler.stop();
    await generator.terminate();
    await server?.close();
  }
}
