import { dirname, resolve } from 'node:path';
import { parseAssertion, type Assertion } from '../../engine/run/assertions.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { openAtomicStream, writeFileAtomic, type AtomicStream } from '../../node/atomic-write.ts';
import type { LiveRunReport } from '../../node/live/live-report.ts';
import { parseBackendCost } from '../../node/report/cli-options.ts';
import { loadPriceTable } from '../../node/report/load-prices.ts';
import { writeHtmlReport, writeSeriesCsv } from '../../node/report/write-report-files.ts';
import { checkInputFile, lintLines, problemLines } from '../input-files.ts';
import { consoleIo, EXIT, type CliIo } from '../io.ts';
import { seedOption } from '../option-values.ts';
import { saveToRunsDir } from './run-history.ts';
import { runLiveMode } from './run-live-mode.ts';
import { progressSink, type ProgressSink } from './run-progress.ts';
import { formatChecks } from './run-summary.ts';
import { simulate, type ReportExtras } from './run-virtual.ts';

export interface RunOptions {
  scenario: string;
  mode?: string;
  target?: string;
  seed?: string;
  report?: string;
  requestsOut?: string;
  html?: string;
  csv?: string;
  backendCostPerMillion?: string;
  assert?: string[];
  runsDir?: string;
}

interface CheckedOptions {
  mode: 'virtual' | 'live';
  seed: number | undefined;
  assertions: Assertion[];
  backendCost: number | undefined;
}

/** Checks the flags, adding one line per problem to `errors`. */
function checkOptions(options: RunOptions, scenarioMode: string | undefined, errors: string[]): CheckedOptions {
  const assertions: Assertion[] = [];
  for (const expression of options.assert ?? []) {
    const parsed = parseAssertion(expression);
    if (typeof parsed === 'string') errors.push(`--assert ${parsed}`);
    else assertions.push(parsed);
  }
  const seed = seedOption(options.seed, errors);
  // A target is a running `gatelab serve`, which only a live run can use.
  const mode = options.mode ?? (options.target === undefined ? (scenarioMode ?? 'virtual') : 'live');
  if (mode !== 'virtual' && mode !== 'live') errors.push(`--mode: expected "virtual" or "live", got "${mode}"`);
  if (options.target !== undefined) {
    if (mode === 'virtual') errors.push('--target: only with --mode live (a virtual run has no server to send to)');
    if (!/^https?:\/\/[^/]+\/?$/.test(options.target)) {
      errors.push(
        `--target: expected the URL of a running gatelab serve like http://127.0.0.1:4010, got "${options.target}"`,
      );
    }
  }
  let backendCost: number | undefined;
  if (options.backendCostPerMillion !== undefined) {
    const parsed = parseBackendCost(options.backendCostPerMillion);
    if (typeof parsed === 'number') backendCost = parsed;
    else errors.push(parsed.error);
  }
  return { mode: mode === 'live' ? 'live' : 'virtual', seed, assertions, backendCost };
}

/** Writes the report files the flags ask for, each atomically. */
async function writeOutputs(report: RunReport, options: RunOptions, io: CliIo): Promise<void> {
  if (options.report) await writeFileAtomic(options.report, `${JSON.stringify(report, null, 2)}\n`);
  if (options.html) await writeHtmlReport(report, options.html);
  if (options.csv) await writeSeriesCsv(report, options.csv);
  if (options.runsDir) io.out(`saved run: ${await saveToRunsDir(options.runsDir, report)}`);
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
    errors.forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  const config = configFile.config;
  const scenario = scenarioFile.scenario;
  errors.push(...problemLines(options.scenario, checkScenarioTargets(scenario, config)));
  const checked = checkOptions(options, scenario.mode, errors);
  const prices = await loadPriceTable();
  if (!prices.ok) errors.push(...prices.errors);
  if (errors.length > 0 || !prices.ok) {
    errors.forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  for (const warning of lintLines(configPath, config, scenario)) io.err(warning);
  const extras: ReportExtras = {
    prices: prices.prices,
    ...(checked.backendCost === undefined ? {} : { backendCostPerMillion: checked.backendCost }),
  };

  let requests: AtomicStream | null = null;
  try {
    if (options.requestsOut) requests = await openAtomicStream(options.requestsOut);
    const { seed, assertions } = checked;
    const inputs = { config, scenario, seed, requests, assertions, progress, io };
    const report =
      checked.mode === 'live'
        ? await runLiveMode({ ...inputs, configDir: dirname(resolve(configPath)), target: options.target, extras })
        : await simulate(config, scenario, seed, requests, assertions, progress, io, extras);
    if (requests) await requests.commit();
    requests = null;
    await writeOutputs(report, options, io);
    if (report.checks.length > 0) io.out(formatChecks(report.checks));
    if ((report as Partial<LiveRunReport>).live?.stopped) {
      io.err('gatelab run: stopped before the end; the report covers the requests answered until then');
      return EXIT.runtimeFailure;
    }
    return report.checks.every((c) => c.ok) ? EXIT.ok : EXIT.assertionFailed;
  } catch (error) {
    await requests?.abort();
    io.err(`gatelab run: ${(error as Error).message}`);
    return EXIT.runtimeFailure;
  }
}
