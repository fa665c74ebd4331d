import type { ApiConfig, GatewayConfig, StageConfig } from './schema.ts';
import type { PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

/** AWS caps a method's cache TTL at one hour; the engine clamps larger values. */
const MAX_TTL_SECONDS = 3600;

function lintStage(api: ApiConfig, stage: StageConfig, at: PathSegment[], coveredStages: Set<string>): Problem[] {
  const warnings: Problem[] = [];
  for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
    const settingPath = [...at, 'methodSettings', key];
    if (setting.cacheTtlInSeconds !== undefined && setting.cacheTtlInSeconds > MAX_TTL_SECONDS) {
      const message = `above ${MAX_TTL_SECONDS}, the most AWS allows; ${MAX_TTL_SECONDS} is used`;
      warnings.push({ path: [...settingPath, 'cacheTtlInSeconds'], message });
    }
    if (api.protocol === 'REST' && setting.cachingEnabled === true && stage.cacheClusterEnabled !== true) {
      const message = 'has no effect: the stage has no cache ("cacheClusterEnabled" is not true)';
      warnings.push({ path: [...settingPath, 'cachingEnabled'], message });
    }
  }
  if (stage.autoDeploy === true && stage.deploymentId !== undefined) {
    warnings.push({
      path: [...at, 'deploymentId'],
      message: 'ignored: with "autoDeploy" the stage serves the working routes',
    });
  }
  if (api.protocol === 'REST' && !coveredStages.has(`${api.id}/${stage.name}`)) {
    const ids = [stage.deploymentId, stage.canarySettings?.deploymentId];
    const routes = [api.routes, ...api.deployments.filter((d) => ids.includes(d.id)).map((d) => d.routes)].flat();
    if (routes.some((r) => r.apiKeyRequired === true)) {
      const message = 'routes require an API key, but no usage plan covers this stage, so they answer 403';
      warnings.push({ path: at, message });
    }
  }
  return warnings;
}

/**
 * Finds settings that are valid but probably not what the author meant (a TTL above the cap, caching
 * on a stage without a cache…). These are warnings: the config still runs.
 */
export function lintConfig(config: GatewayConfig): Problem[] {
  const coveredStages = new Set(config.usagePlans.flatMap((p) => p.apiStages.map((s) => `${s.apiId}/${s.stage}`)));
  return config.apis.flatMap((api, apiIndex) =>
    api.stages.flatMap((stage, index) => lintStage(api, stage, ['apis', apiIndex, 'stages', index], coveredStages)),
  );
}
