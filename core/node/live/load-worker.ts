import { parentPort, workerData } from 'node:worker_threads';
import { expectedPeakRate, scenarioDurationMs } from '../../engine/scenario/offered-rate.ts';
import { ClosedLoad } from './closed-load.ts';
import { FactStream } from './fact-stream.ts';
import { PoolTransport } from './http-transport.ts';
import type { LoadWorkerData, MainMessage, WorkerMessage } from './live-protocol.ts';
import { PacedLoad } from './paced-load.ts';
import { systemLoadClock } from './pacer.ts';

/** Time to set up before the first arrival, so the plan's t = 0 is not already late when it starts. */
const START_DELAY_MS = 30;
/** Connections opened before the start: about what 10 ms of the peak rate keeps busy. */
const warmConnections = (peakRate: number, max: number): number =>
  Math.min(max, 64, Math.max(2, Math.ceil(peakRate / 100)));
/** After Ctrl-C, how long requests in flight may take before they are cut off. */
const STOP_GRACE_MS = 2000;

const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

async function generate(data: LoadWorkerData): Promise<void> {
  const { scenario, seed, origin, keepBodies, drainMs } = data;
  const transport = scenario.concurrency ? null : new PoolTransport(origin, data.maxConnections);
  await transport?.warmUp(warmConnections(expectedPeakRate(scenario) ?? 0, data.maxConnections));
  const startEpochMs = performance.timeOrigin + performance.now() + START_DELAY_MS;
  const clock = systemLoadClock(startEpochMs);
  const sink = new FactStream(post, clock, scenario.concurrency === undefined);
  const plannedMs = scenarioDurationMs(scenario);
  const load = transport
    ? new PacedLoad({ scenario, seed, transport, sink, clock, keepBodies })
    : new ClosedLoad({ scenario, seed, origin, sink, clock, keepBodies, drainMs });
  let cutOff = false;
  const stop = (graceMs: number): void => {
    if (load instanceof ClosedLoad) return load.stop(graceMs);
    load.stop();
    setTimeout(() => void transport?.destroy(), graceMs).unref();
  };
  port.on('message', (message: MainMessage) => {
    if (message.type === 'stop') stop(STOP_GRACE_MS);
  });
  // Everything is bounded in time: past the plan and its drain, what is still in flight is cut off.
  const bound = setTimeout(
    () => {
      cutOff = true;
      stop(0);
    },
    plannedMs + drainMs + START_DELAY_MS,
  );
  post({ type: 'started', startEpochMs });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, -clock.now())));
  sink.start();
  const stopped = await load.run();
  clearTimeout(bound);
  sink.finish(plannedMs, stopped || cutOff);
  await transport?.destroy();
}

generate(workerData as LoadWorkerData).catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
