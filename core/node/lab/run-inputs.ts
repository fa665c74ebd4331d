import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { parseConfig } from '../../engine/config/parse-config.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import { parseScenario } from '../../engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { LabError } from './lab-error.ts';

/**
 * Validates a run's config and scenario again in the lab (they crossed a process boundary) and checks that the
 * scenario targets APIs and stages the config has; throws a `badInput` error naming every problem's path.
 */
export function checkRunInputs(
  configData: unknown,
  scenarioData: unknown,
): { config: GatewayConfig; scenario: Scenario } {
  const config = parseConfig(configData);
  const scenario = parseScenario(scenarioData);
  const problems: string[] = [];
  if (!config.ok) problems.push(...config.problems.map((p) => `config ${formatProblem(p)}`));
  if (!scenario.ok) problems.push(...scenario.problems.map((p) => `scenario ${formatProblem(p)}`));
  if (config.ok && scenario.ok) {
    problems.push(...checkScenarioTargets(scenario.value, config.value).map((p) => `scenario ${formatProblem(p)}`));
  }
  if (!config.ok || !scenario.ok || problems.length > 0) {
    throw new LabError(LAB_ERROR.badInput, `cannot start the run: ${problems.join('; ')}`);
  }
  return { config: config.value, scenario: scenario.value };
}
