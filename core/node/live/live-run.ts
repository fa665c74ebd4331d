import type { GatewayConfig } from '../../engine/config/schema.ts';
import { buildReport, type ReportInput } from '../../engine/run/build-report.ts';
import { RunRecorder } from '../../engine/run/run-recorder.ts';
import { scenarioDurationMs } from '../../engine/scenario/offered-rate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { RequestLine } from '../../engine/sim/request-line.ts';
import type { GatewayHost } from '../server/gateway-host.ts';
import { startGatewayServer, type GatewayServer } from '../server/gateway-server.ts';
import { BoundarySampler } from './boundary-sampler.ts';
import { lacksThrottleLayer } from './classify-response.ts';
import { checkTarget, finishedGateway, inProcessSource, LiveRunError, targetSource } from './gateway-source.ts';
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
  beforeClose?: ((gatewayUrl: string) => Promise<void>) | undefined;
  /** How long in-flight requests may take after the plan has ended. Default 35 s (beyond the 29 s integration timeout). */
  drainMs?: number | undefined;
  /** Open-loop keep-alive connections at most. Default 512. */
  maxConnections?: number;
  /** Once the gateway is up, before the load starts: what a host watching the run reads and hot-applies through. */
  onStart?: (handle: LiveRunHandle) => void;
  /** The load generator's worker entry; the tsx shim next to the source by default (a bundled app passes its own). */
  loadWorkerFile?: string | URL | undefined;
  /** The Lambda worker's entry for the in-process gateway; the one next to its source by default. */
  lambdaWorkerFile?: string | URL | undefined;
  /** Further report inputs, as a virtual run's host passes them (prices for the cost estimate). */
  reportExtras?: Omit<
    Partial<ReportInput>,
    'mode' | 'seed' | 'config' | 'scenario' | 'startedAt' | 'endMs' | 'gateway' | 'recorder'
  >;
}

/** A live run in progress, as a host that shows it (the lab's dashboard) sees it. */
export interface LiveRunHandle {
  /** Every answered request so far; each second is closed as the generator passes it. */
  readonly recorder: RunRecorder;
  /** The in-process gateway (hot-apply, bucket levels now); null against a `target`. */
  readonly gatewayHost: GatewayHost | null;
  /** Epoch ms of the load's t = 0; null until the generator has started. */
  readonly startEpochMs: number | null;
}

/** Worker start-up and the report's last steps, beyond the planned duration and the drain. */
const WATCHDOG_SLACK_MS = 15_000;

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
    const lambda = options.lambdaWorkerFile === undefined ? {} : { lambdaWorkerFile: options.lambdaWorkerFile };
    server = await startGatewayServer({ config, port: 0, seed, debugHeaders: true, ...dir, ...lambda });
  }
  const source = server ? inProcessSource(server.gatewayHost.gateway) : targetSource(target!);
  const sampler = new BoundarySampler(source);
  const plannedMs = scenarioDurationMs(scenario);
  const drainMs = options.drainMs ?? 35_000;
  const recorder = new RunRecorder(scenario.clients.map((c) => c.name));
  // Routes as the gateway has them now: a hot-applied config may add or rename routes mid-run.
  let places = new RoutePlaces(config);
  const placesNow = (): RoutePlaces => {
    const current = server?.gatewayHost.gateway.config;
    if (current !== undefined && current !== places.config) places = new RoutePlaces(current);
    return places;
  };
  const order = options.onLine ? new LineOrder(options.onLine) : null;
  let startEpochMs = Date.now();
  let loadStarted = false;
  let missingLayer = false;
  const record = (fact: LiveFact): void => {
    const place = placesNow().placeOf(fact.apiId, fact.method, fact.path);
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
        loadStarted = true;
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
    options.loadWorkerFile,
  );
  options.onStart?.({
    recorder,
    gatewayHost: server?.gatewayHost ?? null,
    get startEpochMs() {
      return loadStarted ? startEpochMs : null;
    },
  });
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
