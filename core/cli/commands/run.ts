import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseConfig } from '../../engine/config/parse-config.ts';
import { evaluate, parseAssertion, type Assertion } from '../../engine/run/assertions.ts';
import { buildReport } from '../../engine/run/build-report.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { parseScenario } from '../../engine/scenario/parse-scenario.ts';
import { SeqReorderBuffer, type RequestLine } from '../../engine/sim/request-line.ts';
import { VirtualRun } from '../../engine/sim/virtual-run.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { openAtomicStream, writeFileAtomic, type AtomicStream } from '../../node/atomic-write.ts';
import { loadJsonInput } from './run-inputs.ts';
import { progressSink } from './run-progress.ts';
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

export const EXIT_OK = 0;
export const EXIT_ASSERTION = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_RUNTIME = 3;

/** Simulated ms per slice: small enough for a lively progress bar, large enough to cost nothing. */
const SLICE_MS = 1000;

function badInput(lines: string[]): number {
  for (const line of lines) console.error(line);
  return EXIT_BAD_INPUT;
}

/** `gatelab run CONFIG --scenario FILE …` (SPEC §1, §8). Returns the exit code. */
export async function runCommand(configPath: string, options: RunOptions): Promise<number> {
  const configData = await loadJsonInput(configPath);
  const scenarioData = await loadJsonInput(options.scenario);
  const errors: string[] = [];
  if (!configData.ok) errors.push(configData.message);
  if (!scenarioData.ok) errors.push(scenarioData.message);
  if (errors.length > 0) return badInput(errors);
  const config = parseConfig(configData.ok && configData.value);
  const scenario = parseScenario(scenarioData.ok && scenarioData.value);
  if (!config.ok) errors.push(...config.problems.map((p) => `${configPath}: ${formatProblem(p)}`));
  if (!scenario.ok) errors.push(...scenario.problems.map((p) => `${options.scenario}: ${formatProblem(p)}`));
  if (!config.ok || !scenario.ok) return badInput(errors);
  errors.push(
    ...checkScenarioTargets(scenario.value, config.value).map((p) => `${options.scenario}: ${formatProblem(p)}`),
  );

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
  if (errors.length > 0) return badInput(errors);

  let requests: AtomicStream | null = null;
  try {
    if (options.requestsOut) requests = await openAtomicStream(options.requestsOut);
    const report = await simulate(config.value, scenario.value, seed, requests, assertions);
    if (requests) await requests.commit();
    requests = null;
    if (options.report) await writeFileAtomic(options.report, `${JSON.stringify(report, null, 2)}\n`);
    if (options.runsDir) console.log(`saved run: ${await saveToRunsDir(options.runsDir, report)}`);
    if (report.checks.length > 0) console.log(formatChecks(report.checks));
    return report.checks.every((c) => c.ok) ? EXIT_OK : EXIT_ASSERTION;
  } catch (error) {
    await requests?.abort();
    console.error(`gatelab run: ${(error as Error).message}`);
    return EXIT_RUNTIME;
  }
}

async function simulate(
  config: Parameters<typeof buildReport>[0]['config'],
  scenario: Parameters<typeof buildReport>[0]['scenario'],
  seed: number | undefined,
  requests: AtomicStream | null,
  assertions: Assertion[],
): Promise<RunReport> {
  let pending = '';
  const reorder = new SeqReorderBuffer<RequestLine>((line) => (pending += `${JSON.stringify(line)}\n`));
  const run = new VirtualRun({
    config,
    scenario,
    ...(seed === undefined ? {} : { seed }),
    ...(requests ? { onResponse: (line: RequestLine) => reorder.push(line) } : {}),
  });
  const progress = progressSink(process.stderr);
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
  console.log(formatSummary(report, wallMs));
  return report;
}
