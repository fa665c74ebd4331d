import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { evaluate, type Assertion } from '../../engine/run/assertions.ts';
import type { ReportInput } from '../../engine/run/build-report.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { virtualReport } from '../../engine/sim/virtual-report.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { SeqReorderBuffer, type RequestLine } from '../../engine/sim/request-line.ts';
import { VirtualRun } from '../../engine/sim/virtual-run.ts';
import type { AtomicStream } from '../../node/atomic-write.ts';
import type { CliIo } from '../io.ts';
import type { ProgressSink } from './run-progress.ts';
import { formatSummary } from './run-summary.ts';

/** Simulated ms per slice: small enough for a lively progress bar, large enough to cost nothing. */
const SLICE_MS = 1000;

/** The next slice's end: one second on, or straight past an idle stretch to the next event. */
function nextSlice(until: number, nextEventAt: number): number {
  const next = until + SLICE_MS;
  if (!Number.isFinite(nextEventAt) || nextEventAt < next) return next;
  return (Math.floor(nextEventAt / SLICE_MS) + 1) * SLICE_MS;
}

/** What both modes pass on to the report: the cost estimate's prices and backend cost. */
export type ReportExtras = Pick<ReportInput, 'prices' | 'backendCostPerMillion'>;

/** A virtual run (SPEC §7) in slices, with progress between them, streaming NDJSON lines in arrival order. */
export async function simulate(
  config: GatewayConfig,
  scenario: Scenario,
  seed: number | undefined,
  requests: AtomicStream | null,
  assertions: Assertion[],
  progress: ProgressSink,
  io: CliIo,
  extras: ReportExtras,
): Promise<RunReport> {
  let pending = '';
  const reorder = new SeqReorderBuffer<RequestLine>((line) => (pending += `${JSON.stringify(line)}\n`));
  const run = new VirtualRun({
    config,
    scenario,
    ...(seed === undefined ? {} : { seed }),
    ...(requests ? { onResponse: (line: RequestLine) => reorder.push(line) } : {}),
  });
  const started = performance.now();
  for (let until = SLICE_MS; ; until = nextSlice(until, run.nextEventAt)) {
    const finished = run.advance(until);
    if (requests && pending !== '') {
      requests.write(pending);
      pending = '';
      await requests.drained();
    }
    const { simulatedMs, plannedMs, sent } = run.progress();
    const fraction = plannedMs === 0 ? 1 : Math.min(1, simulatedMs / plannedMs);
    progress.update(
      fraction,
      `${(simulatedMs / 1000).toFixed(1)}/${(plannedMs / 1000).toFixed(1)} s simulated · ${sent.toLocaleString('en-US')} requests`,
    );
    if (finished) break;
    await yieldToEventLoop();
  }
  progress.done();
  const wallMs = performance.now() - started;
  const report = virtualReport(run, config, scenario, extras);
  report.checks = assertions.map((a) => evaluate(a, report.totals));
  io.out(formatSummary(report, wallMs));
  return report;
}
