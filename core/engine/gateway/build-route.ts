import { routeKeyOf } from '../config/route-syntax.ts';
import type { MethodSetting, RouteConfig, StageConfig } from '../config/schema.ts';
import { latencySampler } from '../integration/latency-model.ts';
import { compileTemplate, type CompiledTemplate } from '../integration/template.ts';
import { ownValue } from '../own-value.ts';
import type { Limits } from '../throttle/token-bucket.ts';
import type { GatewayState } from './gateway-state.ts';
import type { CacheKeyPart, RouteRuntime } from './runtime.ts';

const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 3600;
/** HTTP_PROXY and LAMBDA answer from this latency in virtual mode when no model is given (SPEC §7). */
const DEFAULT_MODEL_LATENCY_MS = 200;
const REQUEST_ID_PLACEHOLDER = '${context.requestId}';

/**
 * Resolves a layer's limits: a rate or burst still unset takes the account's value; a layer with neither set
 * has no bucket (SPEC §2 "Throttle fields").
 */
export function resolveLimits(rate: number | undefined, burst: number | undefined, account: Limits): Limits | null {
  if (rate === undefined && burst === undefined) return null;
  return { rate: rate ?? account.rate, burst: burst ?? account.burst };
}

export interface RouteContext {
  apiId: string;
  protocol: 'REST' | 'HTTP';
  stage: StageConfig;
  account: Limits;
  cacheNamespace: string;
  canary: boolean;
  counterPrefix: string;
  state: GatewayState;
  nowMs: number;
}

function cacheKeyParts(route: RouteConfig): CacheKeyPart[] {
  return (route.cacheKeyParameters ?? []).map((parameter) => {
    const [, , source, ...name] = parameter.split('.');
    const part: CacheKeyPart = { source: source as CacheKeyPart['source'], name: name.join('.') };
    if (part.source === 'header') part.name = part.name.toLowerCase();
    return part;
  });
}

/** Builds a route as a stage serves it: `methodSettings` fall back to `*\/*` field by field. */
export function buildRoute(route: RouteConfig, context: RouteContext): RouteRuntime {
  const { stage, state, apiId, protocol } = context;
  const key = routeKeyOf(route);
  const method = route.path === '$default' ? 'ANY' : (route.method ?? 'ANY');
  const settings = stage.methodSettings ?? {};
  const own: MethodSetting = settings[key] ?? {};
  const star: MethodSetting = settings['*/*'] ?? {};
  const limits = resolveLimits(
    own.throttlingRateLimit ?? star.throttlingRateLimit,
    own.throttlingBurstLimit ?? star.throttlingBurstLimit,
    context.account,
  );
  const stageBucket =
    limits === null ? null : state.buckets.acquire(`stage:${apiId}/${stage.name}:${key}`, limits, context.nowMs);
  const ttlSeconds = Math.min(MAX_TTL_SECONDS, own.cacheTtlInSeconds ?? star.cacheTtlInSeconds ?? DEFAULT_TTL_SECONDS);
  // `*/*` turns caching on for GET only; any other method needs its own entry (SPEC §4).
  const cacheOther = own.cachingEnabled ?? false;
  const cacheGet = own.cachingEnabled ?? star.cachingEnabled ?? false;
  const integration = route.integration ?? { type: 'MOCK' as const };
  const isMock = integration.type === 'MOCK';
  const headers: Record<string, string> = isMock
    ? { 'content-type': 'application/json', ...(integration.headers ?? {}) }
    : {};
  const bodyText = isMock ? (integration.body ?? '') : '';
  const uri = integration.type === 'HTTP_PROXY' ? integration.uri : '';
  return {
    key,
    place: { apiId, stage: stage.name, routeKey: key, canary: context.canary },
    method,
    path: route.path,
    apiKeyRequired: protocol === 'REST' && route.apiKeyRequired === true,
    integration,
    stageBucket,
    cacheGet: ttlSeconds > 0 && cacheGet,
    cacheOther: ttlSeconds > 0 && cacheOther,
    cacheTtlMs: ttlSeconds * 1000,
    cacheKeyPrefix: `${context.cacheNamespace}\u0000${key}\u0000`,
    cacheKeyParts: cacheKeyParts(route),
    cachePartitions: new Map(),
    callCounter: state.callCounter(`${context.counterPrefix}:${key}`),
    statusCode: isMock ? (integration.statusCode ?? 200) : 200,
    headerTemplates: Object.entries(headers).map(([name, value]) => [name.toLowerCase(), compileTemplate(value)]),
    bodyTemplate: compileTemplate(bodyText),
    usesRequestId: [bodyText, uri, ...Object.values(headers)].some((text) => text.includes(REQUEST_ID_PLACEHOLDER)),
    uriTemplate: integration.type === 'HTTP_PROXY' ? compileUri(integration.uri, greedyNames(route.path)) : null,
    latency: latencySampler(integration.latencyMs, isMock ? 0 : DEFAULT_MODEL_LATENCY_MS),
    timeoutMs: integrationTimeoutMs(integration),
    errorRate: integration.errorRate ?? 0,
    errorStatusCode: integration.errorStatusCode ?? 500,
    metrics: state.metrics.dimension(protocol, apiId, stage.name, key),
  };
}

/** API Gateway's integration timeout: no integration answers later than this. */
const GATEWAY_TIMEOUT_MS = 29_000;
const DEFAULT_LAMBDA_TIMEOUT_MS = 3_000;

function integrationTimeoutMs(integration: RouteConfig['integration'] & object): number {
  if (integration.type === 'HTTP_PROXY')
    return Math.min(GATEWAY_TIMEOUT_MS, integration.timeoutInMillis ?? GATEWAY_TIMEOUT_MS);
  if (integration.type === 'LAMBDA')
    return Math.min(GATEWAY_TIMEOUT_MS, integration.timeoutMs ?? DEFAULT_LAMBDA_TIMEOUT_MS);
  return Number.POSITIVE_INFINITY;
}

const URI_PARAM = /\{([A-Za-z0-9_]+)\+?\}/g;

/**
 * HTTP_PROXY uris take `${stageVariables.x}` and `{param}` / `{proxy}` path parameters. Parameter values are
 * decoded when matched, so they are encoded again here: `%2F..%2F` must not become a path traversal, nor `%3F`
 * a query. A greedy parameter keeps its slashes, which is what lets it span segments.
 */
function compileUri(uri: string, greedy: ReadonlySet<string>): CompiledTemplate {
  const parts: CompiledTemplate[] = [];
  let last = 0;
  for (const match of uri.matchAll(URI_PARAM)) {
    parts.push(compileTemplate(uri.slice(last, match.index)));
    const name = match[1]!;
    const encode = greedy.has(name) ? encodeSegments : encodeURIComponent;
    parts.push((context) => encode(ownValue(context.pathParams, name) ?? ''));
    last = match.index + match[0].length;
  }
  parts.push(compileTemplate(uri.slice(last)));
  return (context) => parts.map((part) => part(context)).join('');
}

function encodeSegments(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

function greedyNames(path: string): Set<string> {
  return new Set([...path.matchAll(/\{([A-Za-z0-9_]+)\+\}/g)].map((m) => m[1]!));
}
