import type { Command } from 'commander';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import { scenarioDurationMs } from '../../engine/scenario/index.ts';
import { checkInputFile, lintLines, problemLines, type CheckedFile } from '../input-files.ts';
import { EXIT, type CliContext, type CliIo } from '../io.ts';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

function summary(checked: CheckedFile & { ok: true }): string {
  if (checked.kind === 'config') {
    const { apis } = checked.config;
    const stages = apis.reduce((sum, api) => sum + api.stages.length, 0);
    return `valid gatelab config (${plural(apis.length, 'API')}, ${plural(stages, 'stage')})`;
  }
  const { scenario } = checked;
  const duration = seconds(scenarioDurationMs(scenario));
  if (scenario.phases) return `valid gatelab scenario (${plural(scenario.phases.length, 'phase')}, ${duration})`;
  if (scenario.concurrency)
    return `valid gatelab scenario (${plural(scenario.concurrency.connections, 'connection')}, ${duration})`;
  return `valid gatelab scenario (${plural(scenario.trace.length, 'trace entry')}, last at ${duration})`;
}

/**
 * With a config and a scenario, the scenario must send to APIs and stages the config has, and the config is
 * linted against the scenario's traffic too.
 */
function checkTogether(checked: CheckedFile[]): CheckedFile[] {
  const config = checked.find((c) => c.ok && c.kind === 'config');
  if (config === undefined || !config.ok || config.kind !== 'config') return checked;
  const scenario = checked.find((c) => c.ok && c.kind === 'scenario');
  return checked.map((c) => {
    if (c === config && scenario?.ok && scenario.kind === 'scenario') {
      return { ...config, warnings: lintLines(config.file, config.config, scenario.scenario) };
    }
    if (!c.ok || c.kind !== 'scenario') return c;
    const problems = checkScenarioTargets(c.scenario, config.config);
    return problems.length === 0 ? c : { ok: false, file: c.file, errors: problemLines(c.file, problems) };
  });
}

function report(checked: CheckedFile, io: CliIo): void {
  if (!checked.ok) {
    for (const line of checked.errors) io.err(line);
    return;
  }
  if (checked.kind === 'config') for (const line of checked.warnings) io.err(line);
  io.out(`✓ ${checked.file}: ${summary(checked)}`);
}

/**
 * Validates FILE (a config or a scenario) and, with `--scenario`, a scenario too. Prints every
 * problem as `FILE: path: message`; returns 0 when all are valid, else 2.
 */
export async function validateFiles(file: string, scenarioFile: string | undefined, io: CliIo): Promise<number> {
  const checked = [await checkInputFile(file)];
  if (scenarioFile !== undefined) checked.push(await checkInputFile(scenarioFile, 'scenario'));
  const final = checkTogether(checked);
  for (const result of final) report(result, io);
  return final.every((c) => c.ok) ? EXIT.ok : EXIT.badInput;
}

/** `gatelab validate FILE [--scenario S]`. */
export function registerValidateCommand(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check a config or scenario, list every problem')
    .argument('<file>', 'a config (*.gatelab.json) or a scenario (*.scenario.json)')
    .option('--scenario <file>', 'also check this scenario and that it targets the config')
    .action(async (file: string, options: { scenario?: string }) => {
      context.setExitCode(await validateFiles(file, options.scenario, context.io));
    });
}
