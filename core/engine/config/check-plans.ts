import type { ApiConfig, GatewayConfig, UsagePlanConfig } from './schema.ts';
import { routeKeyOf } from './route-syntax.ts';
import { duplicateProblems, restOnly } from './cross-check-support.ts';
import { unknownRouteKey } from './check-stages.ts';
import { listNames } from '../validation/describe.ts';
import type { PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

/** Every route key an API defines, in its working routes or any deployment. */
function apiRouteKeys(api: ApiConfig): Set<string> {
  return new Set([api.routes, ...api.deployments.map((d) => d.routes)].flat().map(routeKeyOf));
}

function checkPlan(plan: UsagePlanConfig, at: PathSegment[], apis: Map<string, ApiConfig>): Problem[] {
  const problems = duplicateProblems(
    plan.apiStages,
    (s) => `${s.apiId}/${s.stage}`,
    (i) => [...at, 'apiStages', i],
    (k) => `API stage "${k}"`,
  );
  plan.apiStages.forEach((apiStage, index) => {
    const stagePath = [...at, 'apiStages', index];
    const api = apis.get(apiStage.apiId);
    if (api === undefined) {
      const message = `no API "${apiStage.apiId}" (APIs: ${listNames([...apis.keys()])})`;
      problems.push({ path: [...stagePath, 'apiId'], message });
      return;
    }
    if (api.protocol === 'HTTP') {
      problems.push({ path: [...stagePath, 'apiId'], message: restOnly(api, 'usage plans are ') });
      return;
    }
    if (!api.stages.some((s) => s.name === apiStage.stage)) {
      const message = `no stage "${apiStage.stage}" in API "${api.id}" (stages: ${listNames(api.stages.map((s) => s.name))})`;
      problems.push({ path: [...stagePath, 'stage'], message });
    }
    const known = apiRouteKeys(api);
    for (const key of Object.keys(apiStage.throttle ?? {})) {
      const message = unknownRouteKey(key, known, `in API "${api.id}"`);
      if (message !== null) problems.push({ path: [...stagePath, 'throttle', key], message });
    }
  });
  return problems;
}

/** Checks usage plans: unique ids, and API stages and per-method throttles that name what exists. */
export function checkUsagePlans(config: GatewayConfig): Problem[] {
  const apis = firstById(config.apis);
  return [
    ...duplicateProblems(
      config.usagePlans,
      (p) => p.id,
      (i) => ['usagePlans', i, 'id'],
      (k) => `usage plan id "${k}"`,
    ),
    ...config.usagePlans.flatMap((plan, index) => checkPlan(plan, ['usagePlans', index], apis)),
  ];
}

/**
 * Checks API keys: unique ids and values, plans that exist and, as AWS requires, at most one plan
 * per key for any API stage.
 */
export function checkApiKeys(config: GatewayConfig): Problem[] {
  const plans = firstById(config.usagePlans);
  const problems = [
    ...duplicateProblems(
      config.apiKeys,
      (k) => k.id,
      (i) => ['apiKeys', i, 'id'],
      (k) => `API key id "${k}"`,
    ),
    ...duplicateProblems(
      config.apiKeys,
      (k) => k.value,
      (i) => ['apiKeys', i, 'value'],
      () => 'API key value',
    ),
  ];
  config.apiKeys.forEach((key, keyIndex) => {
    const idsPath = (i: number): PathSegment[] => ['apiKeys', keyIndex, 'usagePlanIds', i];
    problems.push(
      ...duplicateProblems(
        key.usagePlanIds,
        (id) => id,
        idsPath,
        (id) => `usage plan "${id}"`,
      ),
    );
    const planByStage = new Map<string, string>();
    const seen = new Set<string>();
    key.usagePlanIds.forEach((planId, index) => {
      const plan = plans.get(planId);
      if (plan === undefined) {
        const message = `no usage plan "${planId}" (usage plans: ${listNames([...plans.keys()])})`;
        problems.push({ path: idsPath(index), message });
        return;
      }
      if (seen.has(planId)) return;
      seen.add(planId);
      const clashes = new Set<string>();
      for (const { apiId, stage } of plan.apiStages) {
        const stageKey = `${apiId}/${stage}`;
        const other = planByStage.get(stageKey);
        if (other === undefined) planByStage.set(stageKey, planId);
        else if (other !== planId && !clashes.has(other)) {
          clashes.add(other);
          const message = `usage plans "${other}" and "${planId}" both cover stage "${stageKey}"; AWS allows one plan per key and stage`;
          problems.push({ path: idsPath(index), message });
        }
      }
    });
  });
  return problems;
}
