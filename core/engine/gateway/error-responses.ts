/** The gateway-made error responses of SPEC §3 and §9, per protocol. */
export interface ErrorShape {
  status: number;
  body: string;
  errorType: string | null;
}

const shape = (status: number, message: string, errorType: string | null): ErrorShape => ({
  status,
  body: JSON.stringify({ message }),
  errorType,
});

export const ERRORS = {
  forbidden: shape(403, 'Forbidden', 'ForbiddenException'),
  missingAuthToken: shape(403, 'Missing Authentication Token', 'MissingAuthenticationTokenException'),
  notFound: shape(404, 'Not Found', 'NotFoundException'),
  tooManyRequests: shape(429, 'Too Many Requests', 'TooManyRequestsException'),
  limitExceeded: shape(429, 'Limit Exceeded', 'LimitExceededException'),
  unauthorizedCacheControl: shape(403, 'Unauthorized', 'AccessDeniedException'),
  requestTooLong: shape(413, 'Request Too Long', 'RequestTooLongException'),
} as const;

/** Integration failures: REST and HTTP APIs word them differently. */
export function integrationError(
  protocol: 'REST' | 'HTTP',
  kind: 'timeout' | 'badGateway' | 'internal',
  status?: number,
): ErrorShape {
  if (kind === 'timeout') {
    return protocol === 'REST'
      ? shape(504, 'Endpoint request timed out', null)
      : shape(503, 'Service Unavailable', null);
  }
  const message = protocol === 'REST' ? 'Internal server error' : 'Internal Server Error';
  return shape(status ?? (kind === 'badGateway' ? 502 : 500), message, null);
}
