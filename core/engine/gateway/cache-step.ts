import { ownValue } from '../own-value.ts';
import type { GatewayRequest } from './types.ts';
import type { RouteRuntime } from './runtime.ts';

export const WARNING_UNAUTHORIZED = '199 Cache-control headers were ignored because the caller was unauthorized.';

/**
 * The cache key: the stage (one cache per stage), the route template, the method and the declared
 * `cacheKeyParameters` values, and nothing else, exactly as AWS keys it (SPEC §4).
 */
export function cacheKeyFor(
  route: RouteRuntime,
  request: GatewayRequest,
  params: Record<string, string> | null,
): string {
  let key = route.cacheKeyPrefix + request.method;
  for (const part of route.cacheKeyParts) {
    const value =
      part.source === 'path'
        ? ownValue(params, part.name)
        : part.source === 'querystring'
          ? ownValue(request.query, part.name)
          : ownValue(request.headers, part.name);
    key += value === undefined ? '\u0000' : `\u0000=${value}`;
  }
  return key;
}

/** `Cache-Control: max-age=0` asks for a fresh answer. */
export function wantsInvalidation(headers: Readonly<Record<string, string>>): boolean {
  const value = headers['cache-control'];
  return value !== undefined && /(^|[\s,])max-age\s*=\s*0(?![0-9])/i.test(value);
}
