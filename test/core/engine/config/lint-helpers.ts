import { lintConfig, type LintRule } from '../../../../core/engine/config/lint-config.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { formatProblem } from '../../../../core/engine/validation/problem.ts';

type Json = Record<string, unknown>;

/** The formatted lint warnings of one rule (all rules when `rule` is null), with a scenario when given. */
export function fired(rule: LintRule | null, config: unknown, scenario?: unknown): string[] {
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  let traffic;
  if (scenario !== undefined) {
    const s = parseScenario(scenario);
    if (!s.ok) throw new Error(s.problems.map(formatProblem).join('\n'));
    traffic = s.value;
  }
  return lintConfig(parsed.value, traffic)
    .filter((w) => rule === null || w.rule === rule)
    .map(formatProblem);
}

/** A scenario against petstore/prod: `rate` requests/s for 10 s, the mix given (GET /pets by default). */
export function scenarioAt(rate: number, extra: Json = {}): Json {
  return {
    formatVersion: 1,
    name: 'Lint',
    target: { apiId: 'petstore', stage: 'prod' },
    phases: [{ durationSeconds: 10, rate }],
    mix: [{ method: 'GET', path: '/pets' }],
    ...extra,
  };
}

/** A usage plan `p` covering petstore/prod, with key `alice` in it. */
export function planned(plan: Json, apiStage: Json = {}): Json {
  return {
    usagePlans: [{ id: 'p', ...plan, apiStages: [{ apiId: 'petstore', stage: 'prod', ...apiStage }] }],
    apiKeys: [{ id: 'alice', value: 'alice-0123456789abcdef', usagePlanIds: ['p'] }],
  };
}
