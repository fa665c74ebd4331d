import { HTTP_METHODS, type ApiConfig, type StageConfig } from './schema.ts';
import { DEFAULT_ROUTE, routeKeyOf, splitRouteKey } from './route-syntax.ts';
import { duplicateProblems, httpOnly, restOnly } from './cross-check-support.ts';
import { listNames, suggestName } from '../validation/describe.ts';
import type { PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

const STAGE_DEFAULT_KEY = '*/*';
const METHODS: readonly string[] = HTTP_METHODS;

/** The message for a reference to a deployment the API doesn't have, or null when it has it. */
export function missingDeployment(api: ApiConfig, deploymentId: string): string | null {
  if (api.deployments.some((d) => d.id === deploymentId)) return null;
  const ids = api.deployments.map((d) => d.id);
  return `no deployment "${deploymentId}" in API "${api.id}" (deployments: ${listNames(ids)})`;
}

/**
 * The message for a route key that doesn't name one of `known`, or null when it does. `where` says
 * where the routes come from, as in `in API "petstore"`.
 */
export function unknownRouteKey(key: string, known: ReadonlySet<string>, where: string): string | null {
  const split = splitRouteKey(key);
  const wellFormed = split !== null && METHODS.includes(split.method);
  if (wellFormed && known.has(key)) return null;
  // Only keys with the same method are suggested: "PUT /pets" is not a typo of "GET /pets".
  const method = key.split(' ')[0]?.toUpperCase();
  const close = suggestName(
    key,
    [...known].filter((k) => k.split(' ')[0] === method),
  );
  const hint = close === null ? '' : `; did you mean "${close}"?`;
  if (!wellFormed) return `expected "METHOD /path", such as "GET /pets"${hint}`;
  return `no route "${key}" ${where}${hint || ` (routes: ${listNames([...known])})`}`;
}

/** Route keys of the working routes, the stage's deployment and its canary's deployment. */
function servedRouteKeys(api: ApiConfig, stage: StageConfig): Set<string> {
  const ids = [stage.deploymentId, stage.canarySettings?.deploymentId];
  const deployments = api.deployments.filter((d) => ids.includes(d.id));
  return new Set([api.routes, ...deployments.map((d) => d.routes)].flat().map(routeKeyOf));
}

function checkMethodSettings(api: ApiConfig, stage: StageConfig, at: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  const served = servedRouteKeys(api, stage);
  const where = `served by stage "${stage.name}"`;
  for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
    const settingPath = [...at, 'methodSettings', key];
    if (api.protocol === 'HTTP') {
      if (setting.cachingEnabled === true)
        problems.push({ path: [...settingPath, 'cachingEnabled'], message: restOnly(api) });
      if (setting.cacheTtlInSeconds !== undefined) {
        problems.push({ path: [...settingPath, 'cacheTtlInSeconds'], message: restOnly(api) });
      }
    }
    if (key === STAGE_DEFAULT_KEY) continue;
    if (key === DEFAULT_ROUTE && api.protocol === 'HTTP') {
      if (!served.has(key)) problems.push({ path: settingPath, message: `no "$default" route ${where}` });
      continue;
    }
    const message = unknownRouteKey(key, served, where);
    if (message !== null) {
      const expected = message.startsWith('expected') ? message.replace('expected ', 'expected "*/*" or ') : message;
      problems.push({ path: settingPath, message: expected });
    }
  }
  return problems;
}

const REST_ONLY_STAGE_FIELDS = [
  'cacheClusterSize',
  'requireAuthorizationForCacheControl',
  'unauthorizedCacheControlHeaderStrategy',
  'canarySettings',
] as const;

function checkStage(api: ApiConfig, stage: StageConfig, at: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  if (api.protocol === 'REST') {
    if (stage.name === '$default')
      problems.push({ path: [...at, 'name'], message: httpOnly(api, 'the "$default" stage is ') });
    if (stage.autoDeploy === true) problems.push({ path: [...at, 'autoDeploy'], message: httpOnly(api) });
  } else {
    if (stage.cacheClusterEnabled === true)
      problems.push({ path: [...at, 'cacheClusterEnabled'], message: restOnly(api) });
    for (const field of REST_ONLY_STAGE_FIELDS) {
      if (stage[field] !== undefined) problems.push({ path: [...at, field], message: restOnly(api) });
    }
  }
  const deployment = stage.deploymentId === undefined ? null : missingDeployment(api, stage.deploymentId);
  if (deployment !== null) problems.push({ path: [...at, 'deploymentId'], message: deployment });
  const canaryId = stage.canarySettings?.deploymentId;
  const canary = canaryId === undefined ? null : missingDeployment(api, canaryId);
  if (canary !== null) problems.push({ path: [...at, 'canarySettings', 'deploymentId'], message: canary });
  problems.push(...checkMethodSettings(api, stage, at));
  return problems;
}

/** Checks an API's stages: unique names, deployments that exist, protocol-specific settings and `methodSettings` keys. */
export function checkStages(api: ApiConfig, apiPath: PathSegment[]): Problem[] {
  const stagePath = (index: number): PathSegment[] => [...apiPath, 'stages', index];
  return [
    ...duplicateProblems(
      api.stages,
      (s) => s.name,
      (i) => [...stagePath(i), 'name'],
      (k) => `stage name "${k}"`,
    ),
    ...api.stages.flatMap((stage, index) => checkStage(api, stage, stagePath(index))),
  ];
}
