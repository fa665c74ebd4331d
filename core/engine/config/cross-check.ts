import type { ApiConfig, GatewayConfig } from './schema.ts';
import { checkRouteList } from './check-routes.ts';
import { checkStages } from './check-stages.ts';
import { checkApiKeys, checkUsagePlans } from './check-plans.ts';
import { duplicateProblems } from './cross-check-support.ts';
import type { PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

function checkApi(api: ApiConfig, at: PathSegment[]): Problem[] {
  const deploymentPath = (index: number): PathSegment[] => [...at, 'deployments', index];
  return [
    ...checkRouteList(api, api.routes, [...at, 'routes']),
    ...duplicateProblems(
      api.deployments,
      (d) => d.id,
      (i) => [...deploymentPath(i), 'id'],
      (k) => `deployment id "${k}"`,
    ),
    ...api.deployments.flatMap((d, index) => checkRouteList(api, d.routes, [...deploymentPath(index), 'routes'])),
    ...checkStages(api, at),
  ];
}

/**
 * Checks what the schema alone cannot: unique ids, references between parts of the config (stage →
 * deployment, key → plan, plan → API and stage, settings → routes), route path syntax, and features
 * that one protocol lacks. Returns every problem, each at its JSON path.
 */
export function crossCheckConfig(config: GatewayConfig): Problem[] {
  return [
    ...duplicateProblems(
      config.apis,
      (a) => a.id,
      (i) => ['apis', i, 'id'],
      (k) => `API id "${k}"`,
    ),
    ...config.apis.flatMap((api, index) => checkApi(api, ['apis', index])),
    ...checkUsagePlans(config),
    ...checkApiKeys(config),
  ];
}
