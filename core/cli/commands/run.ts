import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { evaluate, parseAssertion, type Assertion } from '../../engine/run/assertions.ts';
import { buildReport } from '../../engine/run/build-report.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { SeqReorderBuffer, type RequestLine } from '../../engine/sim/request-line.ts';
import { VirtualRun } from '../../engine/sim/virtual-run.ts';
import { openAtomicStream, writeFileAtomic, type AtomicStream } from '../../node/atomic-write.ts';
import { checkInputFile, problemLines } from '../input-files.ts';
import { progressSink, type ProgressSink } from './run-progress.ts';
import { consoleIo, EXIT, type CliIo } from '../io.ts';
import { formatChecks, formatSummary } from './run-summary.ts';
import { saveToRunsDir } from './run-history.ts';

export interface RunOptions {
  scenario: string;
  mode?: string;
  target?: string;
  seed?: string;
  report?: string;
  requestsOut?: string;
  assert?: string[];
  runsDir?: string;
}

/** Simulated ms per slice: small enough for a lively progress bar, large enough to cost nothing. */
const SLICE_MS = 1000;

function badInput(io: CliIo, lines: string[]): number {
  for (const line of lines) io.err(line);
  return EXIT.badInput;
}

/** `gatelab run CONFIG --scenario FILE …` (SPEC §1, §8). Returns the exit code. */
export async function runCommand(
  configPath: string,
  options: RunOptions,
  io: CliIo = consoleIo,
  progress: ProgressSink = progressSink(process.stderr),
): Promise<number> {
  const configFile = await checkInputFile(configPath, 'config');
  const scenarioFile = await checkInputFile(options.scenario, 'scenario');
  const errors: string[] = [];
  if (!configFile.ok) errors.push(...configFile.errors);
  if (!scenarioFile.ok) errors.push(...scenarioFile.errors);
  if (!configFile.ok || configFile.kind !== 'config' || !scenarioFile.ok || scenarioFile.kind !== 'scenario') {
    return badInput(io, errors);
  }
  const config = { value: configFile.config };
  const scenario = { value: scenarioFile.scenario };
  for (const warning of configFile.warnings) io.err(warning);
  errors.push(...problemLines(options.scenario, checkScenarioTargets(scenario.value, config.value)));

  const assertions: Assertion[] = [];
  for (const expression of options.assert ?? []) {
    const parsed = parseAssertion(expression);
    if (typeof parsed === 'string') errors.push(`--assert ${parsed}`);
    else assertions.push(parsed);
  }
  let seed: number | undefined;
  if (options.seed !== undefined) {
    seed = Number(options.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295) {
      errors.push(`--seed: expected an integer from 0 to 4294967295, got "${options.seed}"`);
    }
  }
  const mode = options.mode ?? scenario.value.mode ?? 'virtual';
  if (mode !== 'virtual' && mode !== 'live') errors.push(`--mode: expected "virtual" or "live", got "${mode}"`);
  if (mode === 'live' || options.target !== undefined) {
    errors.push('--mode live: live runs over loopback HTTP are not available in this version yet; use --mode virtual');
  }
  if (errors.length > 0) return badInput(io, errors);

  let requests: AtomicStream | null = null;
  try {
    if (options.requestsOut) requests = await openAtomicStream(options.requestsOut);
    const report = await simulate(config.value, scenario.value, seed, requests, assertions, progress, io);
    if (requests) await requests.commit();
    requests = null;
    if (options.report) await writeFileAtomic(options.report, `${JSON.stringify(report, null, 2)}\n`);
    if (options.runsDir) io.out(`saved run: ${await saveToRunsDir(options.runsDir, report)}`);
    if (report.checks.length > 0) io.out(formatChecks(report.checks));
    return report.checks.every((c) => c.ok) ? EXIT.ok : EXIT.assertionFailed;
  } catch (error) {
    await requests?.abort();
    io.err(`gatelab run: ${(error as Error).message}`);
    return EXIT.runtimeFailure;
  }
}

async function simulate(
  config: Parameters<typeof buildReport>[0]['config'],
  scenario: Parameters<typeof buildReport>[0]['scenario'],
  seed: number | undefined,
  requests: AtomicStream | null,
  assertions: Assertion[],
  progress: ProgressSink,
  io: CliIo,
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
  for (let until = SLICE_MS; ; until += SLICE_MS) {
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
  const report = buildReport({
    mode: 'virtual',
    seed: run.seed,
    config,
    scenario,
    startedAt: new Date(Date.parse(scenario.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
  });
  report.checks = assertions.map((a) => evaluate(a, report.totals));
  io.out(formatSummary(report, wallMs));
  return report;
}
