/** The gateway-made error responses of SPEC §3 and §9, per protocol. */
export interface ErrorShape {
  /** Which gateway-made answer this is; reports count by it (SPEC §9 "Report totals"). */
  kind: GatewayErrorKind;
  status: number;
  body: string;
  errorType: string | null;
}

export type GatewayErrorKind =
  | 'forbidden'
  | 'missingAuthToken'
  | 'notFound'
  | 'tooManyRequests'
  | 'limitExceeded'
  | 'unauthorizedCacheControl'
  | 'requestTooLong'
  | 'integrationTimeout'
  | 'integrationFailure';

const shape = (kind: GatewayErrorKind, status: number, message: string, errorType: string | null): ErrorShape => ({
  kind,
  status,
  body: JSON.stringify({ message }),
  errorType,
});

export const ERRORS = {
  forbidden: shape('forbidden', 403, 'Forbidden', 'ForbiddenException'),
  missingAuthToken: shape(
    'missingAuthToken',
    403,
    'Missing Authentication Token',
    'MissingAuthenticationTokenException',
  ),
  notFound: shape('notFound', 404, 'Not Found', 'NotFoundException'),
  tooManyRequests: shape('tooManyRequests', 429, 'Too Many Requests', 'TooManyRequestsException'),
  limitExceeded: shape('limitExceeded', 429, 'Limit Exceeded', 'LimitExceededException'),
  unauthorizedCacheControl: shape('unauthorizedCacheControl', 403, 'Unauthorized', 'AccessDeniedException'),
  requestTooLong: shape('requestTooLong', 413, 'Request Too Long', 'RequestTooLongException'),
} as const;

/** Integration failures: REST and HTTP APIs word them differently. */
export function integrationError(
  protocol: 'REST' | 'HTTP',
  kind: 'timeout' | 'badGateway' | 'internal',
  status?: number,
): ErrorShape {
  if (kind === 'timeout') {
    return protocol === 'REST'
      ? shape('integrationTimeout', 504, 'Endpoint request timed out', null)
      : shape('integrationTimeout', 503, 'Service Unavailable', null);
  }
  const message = protocol === 'REST' ? 'Internal server error' : 'Internal Server Error';
  return shape('integrationFailure', status ?? (kind === 'badGateway' ? 502 : 500), message, null);
}
