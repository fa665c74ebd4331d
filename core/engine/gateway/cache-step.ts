import type { CachePartition, StageCache } from '../cache/stage-cache.ts';
import { ownValue } from '../own-value.ts';
import type { GatewayRequest } from './types.ts';
import type { RouteRuntime } from './runtime.ts';

export const WARNING_UNAUTHORIZED = '199 Cache-control headers were ignored because the caller was unauthorized.';

/**
 * The cache key is the stage (one cache per stage), the route template, the method and the declared
 * `cacheKeyParameters` values, and nothing else, exactly as AWS keys it (SPEC §4). The stage cache holds one
 * partition per route, method and parameter count; this is the partition of `method` on `route`.
 */
export function cachePartitionFor(route: RouteRuntime, cache: StageCache, method: string): CachePartition {
  let partition = route.cachePartitions.get(method);
  if (partition === undefined) {
    partition = cache.partition(`${route.cacheKeyPrefix}${method}\u0000${route.cacheKeyParts.length}`);
    route.cachePartitions.set(method, partition);
  }
  return partition;
}

/**
 * The key within the partition: the parameter values. A single parameter's value is the key as it is (null
 * when absent), so the common case builds no string at all.
 */
export function cacheKeyFor(
  route: RouteRuntime,
  request: GatewayRequest,
  params: Readonly<Record<string, string>> | null,
): string | null {
  const parts = route.cacheKeyParts;
  if (parts.length === 1) return partValue(parts[0]!, request, params) ?? null;
  let key = '';
  for (const part of parts) {
    const value = partValue(part, request, params);
    key += value === undefined ? '\u0000' : `\u0000=${value}`;
  }
  return key;
}

function partValue(
  part: RouteRuntime['cacheKeyParts'][number],
  request: GatewayRequest,
  params: Readonly<Record<string, string>> | null,
): string | undefined {
  if (part.source === 'path') return ownValue(params, part.name);
  return ownValue(part.source === 'querystring' ? request.query : request.headers, part.name);
}

/** `Cache-Control: max-age=0` asks for a fresh answer. */
export function wantsInvalidation(headers: Readonly<Record<string, string>>): boolean {
  const value = headers['cache-control'];
  return value !== undefined && /(^|[\s,])max-age\s*=\s*0(?![0-9])/i.test(value);
}
