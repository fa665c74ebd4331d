import type { ErrorShape, GatewayErrorKind } from './error-responses.ts';
import { WARNING_UNAUTHORIZED } from './cache-step.ts';
import type { CacheStatus, Completed, GatewayResponse, RequestOutcome, ThrottleLayer } from './types.ts';

/** Where a request stood when it was answered, for the outcome record. */
export interface Place {
  apiId: string | null;
  stage: string | null;
  routeKey: string | null;
  canary: boolean;
}

export const NOWHERE: Place = { apiId: null, stage: null, routeKey: null, canary: false };

/** The headers of every response when the gateway gives none; frozen, as nobody may add to them. */
export const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Copies integration headers and adds the request id. A `for…in` copy, because an object spread followed by
 * a non-identifier key falls off V8's fast path and cost ~40% of a cache hit.
 */
export function withRequestId(source: Readonly<Record<string, string>>, requestId: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in source) headers[name] = source[name]!;
  headers['x-amzn-RequestId'] = requestId;
  return headers;
}

/** Adds the debug headers of SPEC §4, when on. */
export function addDebugHeaders(
  headers: Record<string, string>,
  cache: CacheStatus | null,
  throttledBy: ThrottleLayer | null,
): void {
  if (cache !== null) headers['x-gatelab-cache'] = cache;
  if (throttledBy !== null) headers['x-gatelab-throttled-by'] = throttledBy;
}

/** A gateway-made error response: compact JSON body, `x-amzn-RequestId`, and `x-amzn-ErrorType` where AWS sends one. */
export function errorResponse(shape: ErrorShape, requestId: string): GatewayResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-RequestId': requestId };
  if (shape.errorType !== null) headers['x-amzn-ErrorType'] = shape.errorType;
  return { status: shape.status, headers, body: shape.body };
}

/** Which headers responses get (`GatewayOptions.responseHeaders` and `debugHeaders`). */
export interface HeaderPolicy {
  responseHeaders: boolean;
  /** Never true without `responseHeaders`. */
  debugHeaders: boolean;
}

/** A gateway-made error response, with its headers when responses have them. */
export function errorOf(
  policy: HeaderPolicy,
  shape: ErrorShape,
  requestId: string,
  cache: CacheStatus | null,
  throttledBy: ThrottleLayer | null,
): GatewayResponse {
  if (!policy.responseHeaders) return { status: shape.status, headers: NO_HEADERS, body: shape.body };
  const response = errorResponse(shape, requestId);
  if (policy.debugHeaders) addDebugHeaders(response.headers, cache, throttledBy);
  return response;
}

/** A response's headers: the integration's (or the cached ones), the request id, the warning, the debug ones. */
export function headersOf(
  policy: HeaderPolicy,
  source: Readonly<Record<string, string>>,
  requestId: string,
  warning: boolean,
  cache: CacheStatus | null,
): Record<string, string> {
  if (!policy.responseHeaders) return NO_HEADERS;
  const headers = withRequestId(source, requestId);
  if (warning) headers['Warning'] = WARNING_UNAUTHORIZED;
  if (policy.debugHeaders) addDebugHeaders(headers, cache, null);
  return headers;
}

export function outcomeOf(
  place: Place,
  requestId: string,
  status: number,
  throttledBy: ThrottleLayer | null,
  cache: CacheStatus | null,
  integrationLatencyMs: number | null,
  latencyMs: number,
  gatewayError: GatewayErrorKind | null = null,
): RequestOutcome {
  return {
    requestId,
    apiId: place.apiId,
    stage: place.stage,
    routeKey: place.routeKey,
    canary: place.canary,
    status,
    gatewayError,
    throttledBy,
    cache,
    integrationCalled: integrationLatencyMs !== null,
    integrationLatencyMs: integrationLatencyMs ?? 0,
    latencyMs,
  };
}

export function done(response: GatewayResponse, outcome: RequestOutcome): Completed {
  return { kind: 'done', response, outcome };
}
