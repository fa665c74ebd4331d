import type { GatewayErrorKind } from '../../engine/gateway/error-responses.ts';
import type { ThrottleLayer } from '../../engine/gateway/types.ts';
import type { CountedOutcome } from '../../engine/run/counters.ts';

/** Response headers by lower-case name, as undici parses them. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The body of the gateway's own 404; an integration may answer 404 too, with anything else. */
const NOT_FOUND_BODY = '{"message":"Not Found"}';

const ERROR_TYPES: Readonly<Record<string, GatewayErrorKind>> = {
  ForbiddenException: 'forbidden',
  AccessDeniedException: 'unauthorizedCacheControl',
  MissingAuthenticationTokenException: 'missingAuthToken',
  NotFoundException: 'notFound',
  TooManyRequestsException: 'tooManyRequests',
  LimitExceededException: 'limitExceeded',
  RequestTooLongException: 'requestTooLong',
};

const LAYERS: ReadonlySet<string> = new Set<ThrottleLayer>(['usagePlan', 'stage', 'account', 'quota']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function gatewayErrorOf(errorType: string | undefined, body: string): GatewayErrorKind | null {
  if (errorType === undefined) return null;
  // AWS may append a documentation link: `ForbiddenException:http://…`.
  const colon = errorType.indexOf(':');
  const kind = ERROR_TYPES[colon === -1 ? errorType : errorType.slice(0, colon)];
  if (kind === 'notFound' && body !== NOT_FOUND_BODY) return null;
  return kind ?? null;
}

/**
 * What happened to a request, read from the gateway's answer over HTTP: `x-amzn-ErrorType` names the gateway's
 * own errors, the debug headers (SPEC §4) the cache result and the throttling layer. The integration ran unless
 * the gateway answered itself or from its cache. Counted by the same rules as a virtual run's outcomes.
 */
export function classifyResponse(status: number, headers: ResponseHeaders, body: string): CountedOutcome {
  const gatewayError = gatewayErrorOf(single(headers['x-amzn-errortype']), body);
  const cacheHeader = single(headers['x-gatelab-cache']);
  const cache = cacheHeader === 'HIT' || cacheHeader === 'MISS' ? cacheHeader : null;
  let throttledBy: ThrottleLayer | null = null;
  if (gatewayError === 'tooManyRequests' || gatewayError === 'limitExceeded') {
    const layer = single(headers['x-gatelab-throttled-by']);
    if (layer !== undefined && LAYERS.has(layer)) throttledBy = layer as ThrottleLayer;
    // Only a quota answers LimitExceededException, so the layer is known even without debug headers.
    else if (gatewayError === 'limitExceeded') throttledBy = 'quota';
  }
  return { status, gatewayError, throttledBy, cache, integrationCalled: gatewayError === null && cache !== 'HIT' };
}

/** True for a throttle 429 whose layer is unknown: the server runs with `--no-debug-headers`. */
export function lacksThrottleLayer(outcome: CountedOutcome): boolean {
  return outcome.gatewayError === 'tooManyRequests' && outcome.throttledBy === null;
}

/** Lower-cases header names (autocannon hands them over as sent on the wire). */
export function lowerCaseHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): ResponseHeaders {
  const out: Record<string, string | string[] | undefined> = {};
  for (const name in headers) out[name.toLowerCase()] = headers[name];
  return out;
}
