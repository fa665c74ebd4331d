import type { GatewayConfig, StageConfig } from './schema.ts';

/** An operation that cannot apply to this config (a name that doesn't exist, a stage with no canary…). */
export class ConfigOperationError extends Error {
  readonly code = 'GATELAB_E_OPERATION';
}

function findApi(config: GatewayConfig, apiId: string) {
  const index = config.apis.findIndex((api) => api.id === apiId);
  if (index === -1) throw new ConfigOperationError(`no API "${apiId}"`);
  return { index, api: config.apis[index]! };
}

function nextDeploymentId(existing: readonly string[]): string {
  for (let n = existing.length + 1; ; n++) if (!existing.includes(`d${n}`)) return `d${n}`;
}

export interface DeployOptions {
  description?: string;
  /** ISO-8601 time recorded on the deployment; the caller's clock, since the engine has none. */
  createdAt?: string;
  /** Point these stages at the new deployment. */
  stages?: readonly string[];
}

/**
 * "Deploy": snapshots the API's working routes into a new deployment (AWS's CreateDeployment), optionally
 * pointing stages at it. Returns a new config; the input is not changed.
 */
export function deployApi(
  config: GatewayConfig,
  apiId: string,
  options: DeployOptions = {},
): { config: GatewayConfig; deploymentId: string } {
  const { index, api } = findApi(config, apiId);
  const deploymentId = nextDeploymentId(api.deployments.map((d) => d.id));
  for (const name of options.stages ?? []) {
    if (!api.stages.some((s) => s.name === name))
      throw new ConfigOperationError(`no stage "${name}" in API "${apiId}"`);
  }
  const deployment = {
    id: deploymentId,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }),
    routes: structuredClone(api.routes),
  };
  const targets = new Set(options.stages ?? []);
  const stages = api.stages.map((stage) => (targets.has(stage.name) ? { ...stage, deploymentId } : stage));
  const apis = config.apis.slice();
  apis[index] = { ...api, deployments: [...api.deployments, deployment], stages };
  return { config: { ...config, apis }, deploymentId };
}

/**
 * Promotes a stage's canary, as AWS does: the canary's deployment and stage-variable overrides move into the
 * stage, and `percentTraffic` drops to 0. `canarySettings` itself is kept.
 */
export function promoteCanary(config: GatewayConfig, apiId: string, stageName: string): GatewayConfig {
  const { index, api } = findApi(config, apiId);
  const stageIndex = api.stages.findIndex((s) => s.name === stageName);
  if (stageIndex === -1) throw new ConfigOperationError(`no stage "${stageName}" in API "${apiId}"`);
  const stage = api.stages[stageIndex]!;
  const canary = stage.canarySettings;
  if (!canary) throw new ConfigOperationError(`stage "${stageName}" of API "${apiId}" has no canary to promote`);
  const promoted: StageConfig = {
    ...stage,
    deploymentId: canary.deploymentId,
    variables: { ...(stage.variables ?? {}), ...(canary.stageVariableOverrides ?? {}) },
    canarySettings: { ...canary, percentTraffic: 0 },
  };
  const stages = api.stages.slice();
  stages[stageIndex] = promoted;
  const apis = config.apis.slice();
  apis[index] = { ...api, stages };
  return { ...config, apis };
}
