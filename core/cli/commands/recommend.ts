import type { Command } from 'commander';
import { parseAssertion } from '../../engine/run/assertions.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import { checkLayer, describeLayer, parseLayer } from '../../engine/tuning/layer-limits.ts';
import { recommendLimits, type Recommendation } from '../../engine/tuning/recommend.ts';
import { writeFileAtomic } from '../../node/atomic-write.ts';
import { checkInputFile, problemLines } from '../input-files.ts';
import { EXIT, type CliContext } from '../io.ts';
import { seedOption } from '../option-values.ts';

export interface RecommendOptions {
  scenario: string;
  layer?: string;
  goal: string;
  seed?: string;
  out?: string;
}

const limitsText = (l: { rate: number; burst: number }): string => `rate ${l.rate} rps, burst ${l.burst}`;

/** The recommendation, and the goal against the rate as a small text chart. */
export function formatRecommendation(result: Recommendation, goal: string): string {
  const lines = [`layer ${describeLayer(result.layer)} · now ${limitsText(result.before)}`];
  if (result.limits === null) lines.push(`✗ ${result.note}`);
  else lines.push(`✓ smallest limits meeting ${goal}: ${limitsText(result.limits)} (goal value ${result.value})`);
  lines.push(
    `${goal.replace(/[<>=].*$/, '')} against the rate (burst ${result.curve[0]?.burst ?? '–'}), ${result.evaluations} virtual runs:`,
  );
  const top = Math.max(...result.curve.map((p) => p.value), 1e-12);
  for (const point of result.curve) {
    const bar = '█'.repeat(Math.round((point.value / top) * 30));
    lines.push(
      `  ${String(point.rate).padStart(10)} rps  ${point.met ? '✓' : ' '} ${String(Number(point.value.toPrecision(4))).padEnd(10)} ${bar}`,
    );
  }
  return lines.join('\n');
}

/** `gatelab recommend CONFIG --scenario S --goal EXPR [--layer L] [--out tuned.gatelab.json]`. */
export async function recommendCommand(
  configPath: string,
  options: RecommendOptions,
  context: CliContext,
): Promise<number> {
  const { io } = context;
  const [configFile, scenarioFile] = await Promise.all([
    checkInputFile(configPath, 'config'),
    checkInputFile(options.scenario, 'scenario'),
  ]);
  const errors = [configFile, scenarioFile].flatMap((f) => (f.ok ? [] : f.errors));
  const seed = seedOption(options.seed, errors);
  if (!configFile.ok || configFile.kind !== 'config' || !scenarioFile.ok || scenarioFile.kind !== 'scenario') {
    errors.forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  const { config } = configFile;
  const { scenario } = scenarioFile;
  errors.push(...problemLines(options.scenario, checkScenarioTargets(scenario, config)));
  const goal = parseAssertion(options.goal);
  if (typeof goal === 'string') errors.push(`--goal ${goal}`);
  const layer = parseLayer(options.layer ?? `stage:${scenario.target.stage}`, scenario.target.apiId);
  if (typeof layer === 'string') errors.push(layer);
  else {
    const problem = errors.length === 0 ? checkLayer(config, layer) : null;
    if (problem) errors.push(problem);
  }
  if (errors.length > 0 || typeof goal === 'string' || typeof layer === 'string') {
    errors.forEach((line) => io.err(line));
    return EXIT.badInput;
  }
  let runs = 0;
  const result = recommendLimits({
    config,
    scenario,
    layer,
    goal,
    ...(seed === undefined ? {} : { seed }),
    onEvaluation: () => {
      runs++;
      if (runs % 10 === 0) io.err(`searching: ${runs} virtual runs`);
    },
  });
  io.out(formatRecommendation(result, goal.expression));
  if (result.config === null) return EXIT.assertionFailed;
  if (options.out) {
    await writeFileAtomic(options.out, `${JSON.stringify(result.config, null, 2)}\n`);
    io.out(`wrote ${options.out}`);
  }
  return EXIT.ok;
}

export function registerRecommendCommand(program: Command, context: CliContext): void {
  program
    .command('recommend')
    .description('find the smallest limits that meet a goal')
    .argument('<config>', 'the gateway config (*.gatelab.json)')
    .requiredOption('--scenario <file>', 'the scenario the limits must carry')
    .requiredOption('--goal <expr>', 'what must hold, e.g. "throttledRatio<=0.01"')
    .option(
      '--layer <layer>',
      'account | stage:STAGE | method:STAGE:"GET /p" | usagePlan:ID (default: the scenario\'s target stage)',
    )
    .option('--seed <n>', 'the random seed (overrides the scenario)')
    .option('--out <file>', 'write the tuned config here')
    .action(async (config: string, options: RecommendOptions) =>
      context.setExitCode(await recommendCommand(config, options, context)),
    );
}
