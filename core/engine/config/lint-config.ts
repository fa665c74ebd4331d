import type { Scenario } from '../scenario/schema.ts';
import type { PathSegment } from '../validation/json-path.ts';
import { lintCache } from './lint-cache.ts';
import { lintPlans } from './lint-plans.ts';
import { lintBurstsAgainstPeak } from './lint-scenario.ts';
import { README, warn, type LintWarning } from './lint-support.ts';
import { lintThrottles } from './lint-throttle.ts';
import { trafficFlows } from './lint-traffic.ts';
import type { ApiConfig, GatewayConfig, StageConfig } from './schema.ts';

export type { LintRule, LintWarning } from './lint-support.ts';

function lintStage(api: ApiConfig, stage: StageConfig, at: PathSegment[], coveredStages: Set<string>): LintWarning[] {
  const warnings: LintWarning[] = [];
  if (stage.autoDeploy === true && stage.deploymentId !== undefined) {
    const message = 'ignored: with "autoDeploy" the stage serves the working routes';
    warnings.push(warn('auto-deploy-deployment', [...at, 'deploymentId'], message, README.stages));
  }
  if (api.protocol === 'REST' && !coveredStages.has(`${api.id}/${stage.name}`)) {
    const ids = [stage.deploymentId, stage.canarySettings?.deploymentId];
    const routes = [api.routes, ...api.deployments.filter((d) => ids.includes(d.id)).map((d) => d.routes)].flat();
    if (routes.some((r) => r.apiKeyRequired === true)) {
      const message = 'routes require an API key, but no usage plan covers this stage, so they answer 403';
      warnings.push(warn('key-without-plan', at, message, README.steps));
    }
  }
  return warnings;
}

/**
 * Finds settings that are valid but probably not what the author meant, each explained with a link to the
 * README section (`… — see README#token-buckets`): throttles that block everything, stop after one burst,
 * take half their limits from the account, or can never bind; key-required methods no plan covers; caches
 * that nothing uses or whose key leaves out parameters; TTLs above the cap. With a scenario, also bursts
 * below its expected per-second peak, and query parameters it sends that a cached route's key leaves out.
 * These are warnings: the config still runs.
 */
export function lintConfig(config: GatewayConfig, scenario?: Scenario): LintWarning[] {
  const coveredStages = new Set(config.usagePlans.flatMap((p) => p.apiStages.map((s) => `${s.apiId}/${s.stage}`)));
  const flows = scenario ? trafficFlows(config, scenario) : [];
  return [
    ...lintThrottles(config),
    ...lintPlans(config),
    ...config.apis.flatMap((api, apiIndex) =>
      api.stages.flatMap((stage, index) => lintStage(api, stage, ['apis', apiIndex, 'stages', index], coveredStages)),
    ),
    ...lintCache(config, flows),
    ...(scenario ? lintBurstsAgainstPeak(config, scenario, flows) : []),
  ];
}
