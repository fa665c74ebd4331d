import type { GatewayConfig } from '../config/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Problem } from '../validation/problem.ts';

/** Checks that a scenario's targets exist in the config it runs against: APIs and stages named by id. */
export function checkScenarioTargets(scenario: Scenario, config: GatewayConfig): Problem[] {
  const problems: Problem[] = [];
  const apiIds = config.apis.map((api) => api.id);
  const checkStage = (path: Problem['path'], apiId: string, stage: string, apiPath: Problem['path']) => {
    const api = config.apis.find((a) => a.id === apiId);
    if (!api) {
      problems.push({
        path: apiPath,
        message: `no API "${apiId}" in the config (APIs: ${apiIds.join(', ') || 'none'})`,
      });
      return;
    }
    if (!api.stages.some((s) => s.name === stage)) {
      const names = api.stages.map((s) => s.name).join(', ') || 'none';
      problems.push({ path, message: `no stage "${stage}" in API "${apiId}" (stages: ${names})` });
    }
  };
  checkStage(['target', 'stage'], scenario.target.apiId, scenario.target.stage, ['target', 'apiId']);
  if (!scenario.trace) {
    scenario.mix.forEach((entry, i) => {
      if (entry.apiId === undefined && entry.stage === undefined) return;
      const apiId = entry.apiId ?? scenario.target.apiId;
      checkStage(['mix', i, 'stage'], apiId, entry.stage ?? scenario.target.stage, ['mix', i, 'apiId']);
    });
  }
  scenario.trace?.forEach((entry, i) => {
    if (entry.apiId !== undefined && !apiIds.includes(entry.apiId)) {
      problems.push({
        path: ['trace', i, 'apiId'],
        message: `no API "${entry.apiId}" in the config (APIs: ${apiIds.join(', ')})`,
      });
    }
  });
  return problems;
}
