import type { Command } from 'commander';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import { simulateReport } from '../../engine/sim/virtual-report.ts';
import { diffTotals, type DiffRow } from '../../engine/tuning/compare.ts';
import { writeFileAtomic } from '../../node/atomic-write.ts';
import { checkInputFile, problemLines } from '../input-files.ts';
import { EXIT, type CliContext } from '../io.ts';
import { seedOption } from '../option-values.ts';

export interface CompareOptions {
  scenario: string;
  seed?: string;
  report?: string;
}

function formatValue(row: DiffRow, value: number): string {
  if (row.unit === '%') return `${value.toFixed(2)}%`;
  if (row.unit === 'ms') return `${value.toFixed(1)} ms`;
  return value.toLocaleString('en-US');
}

function formatDelta(row: DiffRow): string {
  if (row.delta === 0) return '=';
  const sign = row.delta > 0 ? '+' : '−';
  const magnitude = Math.abs(row.delta);
  if (row.unit === '%') return `${sign}${magnitude.toFixed(2)} pp`;
  if (row.unit === 'ms') return `${sign}${magnitude.toFixed(1)} ms`;
  return `${sign}${magnitude.toLocaleString('en-US')}`;
}

/** The what-if table: one row per figure, A beside B and the change. */
export function formatDiff(rows: readonly DiffRow[], a: string, b: string): string {
  const table = [
    ['', a, b, 'change'],
    ...rows.map((r) => [r.name, formatValue(r, r.a), formatValue(r, r.b), formatDelta(r)]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

/** `gatelab compare A B --scenario S`: the same scenario and seed against two configs (identical arrivals). */
export async function compareCommand(
  a: string,
  b: string,
  options: CompareOptions,
  context: CliContext,
): Promise<number> {
  const { io } = context;
  const files = await Promise.all([
    checkInputFile(a, 'config'),
    checkInputFile(b, 'config'),
    checkInputFile(options.scenario, 'scenario'),
  ]);
  const errors = files.flatMap((f) => (f.ok ? [] : f.errors));
  const seed = seedOption(options.seed, errors);
  const [fa, fb, fs] = files;
  if (!fa?.ok || fa.kind !== 'config' || !fb?.ok || fb.kind !== 'config' || !fs?.ok || fs.kind !== 'scenario') {
    errors.forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  errors.push(...problemLines(options.scenario, checkScenarioTargets(fs.scenario, fa.config)));
  errors.push(...problemLines(options.scenario, checkScenarioTargets(fs.scenario, fb.config)));
  if (errors.length > 0) {
    [...new Set(errors)].forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  const reportA = simulateReport(fa.config, fs.scenario, seed);
  const reportB = simulateReport(fb.config, fs.scenario, seed);
  const rows = diffTotals(reportA.totals, reportB.totals);
  io.out(`${fs.scenario.name} · virtual · seed ${reportA.seed} · identical arrivals on both sides`);
  io.out(formatDiff(rows, 'A', 'B'));
  io.out(`A = ${a}\nB = ${b}`);
  if (options.report) {
    const diff = {
      formatVersion: 1,
      scenario: fs.scenario.name,
      seed: reportA.seed,
      a,
      b,
      rows,
      reports: { a: reportA, b: reportB },
    };
    await writeFileAtomic(options.report, `${JSON.stringify(diff, null, 2)}\n`);
  }
  return EXIT.ok;
}

export function registerCompareCommand(program: Command, context: CliContext): void {
  program
    .command('compare')
    .description('compare two configs on identical traffic')
    .argument('<a>', 'the first config (*.gatelab.json)')
    .argument('<b>', 'the second config')
    .requiredOption('--scenario <file>', 'the scenario to run against both')
    .option('--seed <n>', 'the random seed (overrides the scenario)')
    .option('--report <file>', 'write the diff and both reports as JSON')
    .action(async (a: string, b: string, options: CompareOptions) =>
      context.setExitCode(await compareCommand(a, b, options, context)),
    );
}
