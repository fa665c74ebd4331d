import type { PathSegment } from '../validation/json-path.ts';
import { formatJsonPath } from '../validation/json-path.ts';
import { README, servedRoutes, warn, type LintWarning, type ServedRoute } from './lint-support.ts';
import type { Flow } from './lint-traffic.ts';
import { parseRoutePathSyntax } from './route-syntax.ts';
import type { ApiConfig, GatewayConfig, MethodSetting, StageConfig } from './schema.ts';

/** AWS caps a method's cache TTL at one hour; the engine clamps larger values. */
const MAX_TTL_SECONDS = 3600;
const DEFAULT_TTL_SECONDS = 300;

/** Whether a stage with a cache caches this route (SPEC §4: `*\/*` turns caching on for GET only). */
function caches(stage: StageConfig, served: ServedRoute): boolean {
  const settings = stage.methodSettings ?? {};
  const own: MethodSetting = settings[served.key] ?? {};
  const star: MethodSetting = settings['*/*'] ?? {};
  const ttl = own.cacheTtlInSeconds ?? star.cacheTtlInSeconds ?? DEFAULT_TTL_SECONDS;
  const method = served.route.method ?? 'ANY';
  const enabled =
    method === 'GET' || method === 'ANY' ? (own.cachingEnabled ?? star.cachingEnabled) : own.cachingEnabled;
  return enabled === true && ttl > 0;
}

function settingWarnings(api: ApiConfig, stage: StageConfig, at: PathSegment[]): LintWarning[] {
  const out: LintWarning[] = [];
  for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
    const settingPath = [...at, 'methodSettings', key];
    if (setting.cacheTtlInSeconds !== undefined && setting.cacheTtlInSeconds > MAX_TTL_SECONDS) {
      const message = `above ${MAX_TTL_SECONDS}, the most AWS allows; ${MAX_TTL_SECONDS} is used`;
      out.push(warn('ttl-above-max', [...settingPath, 'cacheTtlInSeconds'], message, README.cache));
    }
    if (api.protocol === 'REST' && setting.cachingEnabled === true && stage.cacheClusterEnabled !== true) {
      const message = 'has no effect: the stage has no cache ("cacheClusterEnabled" is not true)';
      out.push(warn('caching-without-cluster', [...settingPath, 'cachingEnabled'], message, README.cache));
    }
  }
  return out;
}

interface MissingKeys {
  served: ServedRoute;
  stages: string[];
  missing: Set<string>;
}

function missingKeys(served: ServedRoute, query: readonly string[]): string[] {
  const declared = new Set(served.route.cacheKeyParameters ?? []);
  const parts = parseRoutePathSyntax(served.route.path);
  const params = typeof parts === 'string' ? [] : parts.flatMap((p) => (p.kind === 'static' ? [] : [p.name]));
  return [
    ...params.map((name) => `method.request.path.${name}`),
    ...query.map((name) => `method.request.querystring.${name}`),
  ].filter((parameter) => !declared.has(parameter));
}

function keyWarning({ served, stages, missing }: MissingKeys): LintWarning {
  const names = [...missing].map((p) => JSON.stringify(p)).join(', ');
  const where = stages.length === 1 ? `stage "${stages[0]}"` : `stages ${stages.map((s) => `"${s}"`).join(', ')}`;
  const message =
    `${served.key} is cached on ${where}, but the cache key leaves out ${names}: requests that differ only there ` +
    `share one cache entry, so callers get each other's responses; add them to cacheKeyParameters`;
  return warn('cache-key-missing', [...served.path, 'cacheKeyParameters'], message, README.cache);
}

/**
 * Cache settings that don't do what they seem to: a TTL above the cap, caching on a stage without a cache,
 * a cache cluster (billed by the hour) that no method uses, and cached routes whose path or query parameters
 * (known from the scenario's requests, when given) are missing from `cacheKeyParameters`.
 */
export function lintCache(config: GatewayConfig, flows: readonly Flow[]): LintWarning[] {
  const out: LintWarning[] = [];
  const keys = new Map<string, MissingKeys>();
  for (const [apiIndex, api] of config.apis.entries()) {
    for (const [stageIndex, stage] of api.stages.entries()) {
      const at: PathSegment[] = ['apis', apiIndex, 'stages', stageIndex];
      out.push(...settingWarnings(api, stage, at));
      if (api.protocol !== 'REST' || stage.cacheClusterEnabled !== true) continue;
      const cached = servedRoutes(api, apiIndex, stage).filter((served) => caches(stage, served));
      if (cached.length === 0) {
        const message =
          'the stage has a cache cluster, billed by the hour, but no method it serves has caching on ' +
          '("cachingEnabled" in "*/*" caches GET methods; other methods need their own entry)';
        out.push(warn('cache-unused', [...at, 'cacheClusterEnabled'], message, README.cache));
      }
      for (const served of cached) {
        const sameRoute = flows.filter(
          (f) => f.apiIndex === apiIndex && f.stageIndex === stageIndex && f.served.path.join() === served.path.join(),
        );
        const missing = missingKeys(served, [...new Set(sameRoute.flatMap((f) => f.query))]);
        if (missing.length === 0) continue;
        const id = formatJsonPath(served.path);
        const entry = keys.get(id) ?? { served, stages: [], missing: new Set<string>() };
        entry.stages.push(stage.name);
        for (const parameter of missing) entry.missing.add(parameter);
        keys.set(id, entry);
      }
    }
  }
  return [...out, ...[...keys.values()].map(keyWarning)];
}
