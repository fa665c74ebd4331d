import { evaluate, type Assertion } from '../../engine/run/assertions.ts';
import type { buildReport } from '../../engine/run/build-report.ts';
import type { RequestLine } from '../../engine/sim/request-line.ts';
import type { AtomicStream } from '../../node/atomic-write.ts';
import type { LiveRunReport } from '../../node/live/live-report.ts';
import type { CliIo } from '../io.ts';
import type { ProgressSink } from './run-progress.ts';
import { formatSummary } from './run-summary.ts';
import type { ReportExtras } from './run-virtual.ts';

export interface LiveInputs {
  config: Parameters<typeof buildReport>[0]['config'];
  scenario: Parameters<typeof buildReport>[0]['scenario'];
  seed: number | undefined;
  requests: AtomicStream | null;
  assertions: Assertion[];
  progress: ProgressSink;
  io: CliIo;
  configDir: string;
  target: string | undefined;
  extras: ReportExtras;
}

/** A live run (SPEC §7); the first Ctrl-C stops the load and still reports, a second one quits at once. */
export async function runLiveMode(inputs: LiveInputs): Promise<LiveRunReport> {
  const { runLive } = await import('../../node/live/live-run.ts');
  const { liveSummary } = await import('../../node/live/live-report.ts');
  const { io, requests, progress } = inputs;
  const controller = new AbortController();
  const onSigint = (): void => {
    io.err('stopping: waiting for the requests in flight (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const started = performance.now();
  let report: LiveRunReport;
  try {
    report = await runLive({
      config: inputs.config,
      scenario: inputs.scenario,
      configDir: inputs.configDir,
      reportExtras: inputs.extras,
      signal: controller.signal,
      ...(inputs.seed === undefined ? {} : { seed: inputs.seed }),
      ...(inputs.target === undefined ? {} : { target: inputs.target }),
      ...(requests ? { onLine: (line: RequestLine) => requests.write(`${JSON.stringify(line)}\n`) } : {}),
      onProgress: ({ elapsedMs, plannedMs, sent }) =>
        progress.update(
          plannedMs === 0 ? 1 : Math.min(1, elapsedMs / plannedMs),
          `${(elapsedMs / 1000).toFixed(1)}/${(plannedMs / 1000).toFixed(1)} s live · ${sent.toLocaleString('en-US')} requests`,
        ),
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress.done();
  const wallMs = performance.now() - started;
  report.checks = inputs.assertions.map((a) => evaluate(a, report.totals));
  io.out(liveSummary(report, formatSummary(report, wallMs)));
  for (const warning of report.live.warnings) io.err(`warning: ${warning}`);
  return report;
}
