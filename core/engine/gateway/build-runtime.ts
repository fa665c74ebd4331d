import type { ApiConfig, GatewayConfig, RouteConfig, StageConfig } from '../config/schema.ts';
import { StageCache } from '../cache/stage-cache.ts';
import { QuotaCounter } from '../quota/quota-counter.ts';
import { MatchMemo } from '../routing/match-memo.ts';
import { RouteMatcher } from '../routing/route-matcher.ts';
import type { Limits } from '../throttle/token-bucket.ts';
import { buildRoute, resolveLimits } from './build-route.ts';
import type { GatewayState } from './gateway-state.ts';
import type { ApiRuntime, DeploymentView, GatewayRuntime, KeyRuntime, PlanBinding, StageRuntime } from './runtime.ts';

interface BuildContext {
  config: GatewayConfig;
  state: GatewayState;
  account: Limits;
  nowMs: number;
}

function deploymentRoutes(api: ApiConfig, deploymentId: string | undefined): RouteConfig[] {
  if (deploymentId === undefined) return api.routes;
  // Validation guarantees the deployment exists; an empty list keeps a hand-built config from crashing.
  return api.deployments.find((d) => d.id === deploymentId)?.routes ?? [];
}

function buildView(api: ApiConfig, stage: StageConfig, canary: boolean, context: BuildContext): DeploymentView {
  const canarySettings = stage.canarySettings;
  const servesWorkingCopy = !canary && (stage.autoDeploy === true || stage.deploymentId === undefined);
  const deploymentId = canary ? canarySettings!.deploymentId : servesWorkingCopy ? null : stage.deploymentId!;
  const variables = canary
    ? { ...(stage.variables ?? {}), ...(canarySettings!.stageVariableOverrides ?? {}) }
    : (stage.variables ?? {});
  const sharesCache = !canary || canarySettings!.useStageCache === true;
  const matcher = new RouteMatcher<ReturnType<typeof buildRoute>>(api.protocol === 'HTTP');
  const routeContext = {
    apiId: api.id,
    protocol: api.protocol,
    stage,
    account: context.account,
    cacheNamespace: sharesCache ? 'stage' : `canary:${deploymentId}`,
    canary,
    counterPrefix: `${api.id}/${stage.name}/${deploymentId ?? '$working'}${canary ? '/canary' : ''}`,
    state: context.state,
    nowMs: context.nowMs,
  };
  for (const route of deploymentRoutes(api, deploymentId ?? undefined)) {
    const runtime = buildRoute(route, routeContext);
    matcher.add(runtime.method, route.path, runtime);
  }
  const place = { apiId: api.id, stage: stage.name, routeKey: null, canary };
  return { deploymentId, matcher, plans: new MatchMemo(), variables, canary, place };
}

/**
 * What a stage serves, for telling when its cache must go: its deployment's id, or for a stage serving the working
 * routes, those routes themselves, since every change to them is in effect a new deployment.
 */
function servedDeployment(api: ApiConfig, stage: StageConfig): string {
  const servesWorkingCopy = stage.autoDeploy === true || stage.deploymentId === undefined;
  return servesWorkingCopy ? `$working ${JSON.stringify(api.routes)}` : stage.deploymentId!;
}

/** A stage's cache survives a rebuild unless its size or its deployment changed (AWS flushes then). */
function stageCache(api: ApiConfig, stage: StageConfig, context: BuildContext): StageCache | null {
  const id = `${api.id}/${stage.name}`;
  const kept = context.state.caches.get(id);
  if (api.protocol !== 'REST' || stage.cacheClusterEnabled !== true) {
    context.state.caches.delete(id);
    return null;
  }
  const size = stage.cacheClusterSize ?? '0.5';
  const deploymentId = servedDeployment(api, stage);
  if (kept && kept.cache.sizeGiB === size && kept.deploymentId === deploymentId) return kept.cache;
  const cache = new StageCache(id, size);
  context.state.caches.set(id, { cache, deploymentId });
  return cache;
}

function buildStage(api: ApiConfig, stage: StageConfig, context: BuildContext): StageRuntime {
  const canary = api.protocol === 'REST' && stage.canarySettings ? buildView(api, stage, true, context) : null;
  return {
    apiId: api.id,
    protocol: api.protocol,
    name: stage.name,
    main: buildView(api, stage, false, context),
    canary,
    canaryPercent: canary ? (stage.canarySettings?.percentTraffic ?? 0) : 0,
    cache: stageCache(api, stage, context),
    requireAuthorizationForCacheControl: stage.requireAuthorizationForCacheControl ?? true,
    unauthorizedStrategy: stage.unauthorizedCacheControlHeaderStrategy ?? 'SUCCEED_WITH_RESPONSE_HEADER',
    metrics: context.state.metrics.dimension(api.protocol, api.id, stage.name, null),
  };
}

function buildKeys(apis: Map<string, ApiRuntime>, context: BuildContext): Map<string, KeyRuntime> {
  const { config, state, account, nowMs } = context;
  const keysByValue = new Map<string, KeyRuntime>();
  for (const key of config.apiKeys) {
    const bindings = new Map<StageRuntime, PlanBinding>();
    for (const planId of key.usagePlanIds) {
      const plan = config.usagePlans.find((p) => p.id === planId);
      if (!plan) continue;
      const planLimits = resolveLimits(plan.throttle?.rateLimit, plan.throttle?.burstLimit, account);
      const planBucket = planLimits && state.buckets.acquire(`usagePlan:${plan.id}:${key.id}`, planLimits, nowMs);
      const quota = plan.quota ? quotaCounter(`quota:${plan.id}:${key.id}`, plan.quota, context) : null;
      for (const apiStage of plan.apiStages) {
        const stage = apis.get(apiStage.apiId)?.stages.get(apiStage.stage);
        if (!stage) continue;
        let methodBuckets: Map<string, ReturnType<typeof state.buckets.acquire>> | null = null;
        for (const [routeKey, throttle] of Object.entries(apiStage.throttle ?? {})) {
          methodBuckets ??= new Map();
          const limits = resolveLimits(throttle.rateLimit, throttle.burstLimit, account);
          const id = `usagePlan:${plan.id}:${key.id}:${apiStage.apiId}/${apiStage.stage}:${routeKey}`;
          methodBuckets.set(routeKey, limits && state.buckets.acquire(id, limits, nowMs));
        }
        bindings.set(stage, { planId: plan.id, planBucket, methodBuckets, quota });
      }
    }
    keysByValue.set(key.value, { id: key.id, enabled: key.enabled, bindings });
  }
  return keysByValue;
}

function quotaCounter(
  id: string,
  quota: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH'; offset?: number | undefined },
  context: BuildContext,
): QuotaCounter {
  const limits = { limit: quota.limit, period: quota.period, offset: quota.offset ?? 0 };
  const kept = context.state.quotas.get(id);
  if (kept) {
    kept.reconfigure(limits, context.nowMs);
    return kept;
  }
  const { startTime, epochMs } = context.state;
  const counter = new QuotaCounter(id, limits, epochMs + startTime, context.nowMs, epochMs);
  context.state.quotas.set(id, counter);
  return counter;
}

/**
 * Builds the runtime the request path reads from a validated config, reusing the state's buckets, quotas,
 * caches and counters by id.
 */
export function buildRuntime(config: GatewayConfig, state: GatewayState, nowMs: number): GatewayRuntime {
  state.buckets.beginRebuild();
  const account = { rate: config.account.throttlingRateLimit, burst: config.account.throttlingBurstLimit };
  const context: BuildContext = { config, state, account, nowMs };
  const apis = new Map<string, ApiRuntime>();
  for (const api of config.apis) {
    const stages = new Map<string, StageRuntime>();
    for (const stage of api.stages) stages.set(stage.name, buildStage(api, stage, context));
    const stageList = [...stages.values()];
    apis.set(api.id, {
      id: api.id,
      protocol: api.protocol,
      stages,
      stageList,
      defaultStage: stages.get('$default') ?? null,
    });
  }
  const keysByValue = buildKeys(apis, context);
  const accountBucket = state.buckets.acquire('account', account, nowMs);
  state.buckets.endRebuild();
  const liveQuotaIds = new Set(
    config.usagePlans.flatMap((p) => (p.quota ? config.apiKeys.map((k) => `quota:${p.id}:${k.id}`) : [])),
  );
  for (const id of state.quotas.keys()) if (!liveQuotaIds.has(id)) state.quotas.delete(id);
  // A deleted stage takes its cache cluster with it, as in AWS: re-creating the stage starts empty.
  for (const id of state.caches.keys()) {
    const slash = id.indexOf('/');
    if (!apis.get(id.slice(0, slash))?.stages.has(id.slice(slash + 1))) state.caches.delete(id);
  }
  return { apis, firstApi: apis.values().next().value ?? null, keysByValue, accountBucket };
}
