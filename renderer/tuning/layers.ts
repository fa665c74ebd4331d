import type { TuningLayer } from '../../core/contract/lab-api.ts';
import type { GatewayConfig } from '../lab/types.ts';

/** A throttle layer to tune, as the pickers list it. */
export interface LayerOption {
  /** Stable across renders: `account`, `stage:api/prod`, `method:api/prod:GET /p`, `usagePlan:free`. */
  key: string;
  label: string;
  layer: TuningLayer;
}

type Api = GatewayConfig['apis'][number];
type Stage = Api['stages'][number];

export function layerKey(layer: TuningLayer): string {
  switch (layer.kind) {
    case 'account':
      return 'account';
    case 'stage':
      return `stage:${layer.apiId}/${layer.stage}`;
    case 'method':
      return `method:${layer.apiId}/${layer.stage}:${layer.routeKey}`;
    case 'usagePlan':
      return `usagePlan:${layer.planId}`;
  }
}

/** The route keys a stage serves (its deployment's routes), plus any it has its own method settings for. */
function routeKeys(api: Api, stage: Stage): string[] {
  const deployment = stage.deploymentId ? api.deployments.find((d) => d.id === stage.deploymentId) : undefined;
  const routes = deployment?.routes ?? api.routes;
  const keys = routes.map((r) => (r.path === '$default' ? '$default' : `${r.method ?? 'ANY'} ${r.path}`));
  const own = Object.keys(stage.methodSettings ?? {}).filter((k) => k !== '*/*');
  return [...new Set([...keys, ...own])];
}

/**
 * Every layer of a config a limit can be set at: the account, each stage's `*\/*`, each method of each stage,
 * and each usage plan. With `apiId`, only that API's stages (the scenario's target).
 */
export function layerOptions(config: GatewayConfig, apiId?: string): LayerOption[] {
  const options: LayerOption[] = [{ key: 'account', label: 'Account', layer: { kind: 'account' } }];
  const several = config.apis.length > 1;
  for (const api of config.apis) {
    if (apiId !== undefined && api.id !== apiId) continue;
    for (const stage of api.stages) {
      const where = `${several ? `${api.id}/` : ''}${stage.name}`;
      const base = { apiId: api.id, stage: stage.name };
      const layer: TuningLayer = { kind: 'stage', ...base };
      options.push({ key: layerKey(layer), label: `Stage ${where} · all methods (*/*)`, layer });
      for (const routeKey of routeKeys(api, stage)) {
        const method: TuningLayer = { kind: 'method', ...base, routeKey };
        options.push({ key: layerKey(method), label: `Stage ${where} · ${routeKey}`, layer: method });
      }
    }
  }
  for (const plan of config.usagePlans) {
    const layer: TuningLayer = { kind: 'usagePlan', planId: plan.id };
    options.push({ key: layerKey(layer), label: `Usage plan ${plan.name ?? plan.id} (per key)`, layer });
  }
  return options;
}

/** Where a layer lives in the config, as indexes; null when the config no longer has it. */
export function locate(config: GatewayConfig, layer: TuningLayer) {
  if (layer.kind === 'account') return { kind: 'account' as const };
  if (layer.kind === 'usagePlan') {
    const planIndex = config.usagePlans.findIndex((p) => p.id === layer.planId);
    return planIndex < 0 ? null : { kind: 'usagePlan' as const, planIndex, plan: config.usagePlans[planIndex]! };
  }
  const apiIndex = config.apis.findIndex((a) => a.id === layer.apiId);
  const api = config.apis[apiIndex];
  const stageIndex = api ? api.stages.findIndex((s) => s.name === layer.stage) : -1;
  if (!api || stageIndex < 0) return null;
  const key = layer.kind === 'stage' ? '*/*' : layer.routeKey;
  return { kind: 'stage' as const, api, apiIndex, stageIndex, stage: api.stages[stageIndex]!, key };
}
