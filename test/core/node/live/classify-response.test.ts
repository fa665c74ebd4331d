import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  lacksThrottleLayer,
  lowerCaseHeaders,
} from '../../../../core/node/live/classify-response.ts';

const json = 'application/json';

describe('classifyResponse', () => {
  it('reads the gateway-made 403s by their error type', () => {
    expect(classifyResponse(403, { 'x-amzn-errortype': 'ForbiddenException' }, '{"message":"Forbidden"}')).toEqual({
      status: 403,
      gatewayError: 'forbidden',
      throttledBy: null,
      cache: null,
      integrationCalled: false,
    });
    const token = classifyResponse(403, { 'x-amzn-errortype': 'MissingAuthenticationTokenException' }, '');
    expect(token.gatewayError).toBe('missingAuthToken');
    const denied = classifyResponse(403, { 'x-amzn-errortype': 'AccessDeniedException' }, '{"message":"Unauthorized"}');
    expect(denied.gatewayError).toBe('unauthorizedCacheControl');
  });

  it('takes the part before a colon, as AWS appends a link to some error types', () => {
    const outcome = classifyResponse(403, { 'x-amzn-errortype': 'ForbiddenException:http://internal.amazon.com/' }, '');
    expect(outcome.gatewayError).toBe('forbidden');
  });

  it("counts a 404 as the gateway's only with the gateway's own body", () => {
    const gateway = classifyResponse(404, { 'x-amzn-errortype': 'NotFoundException' }, '{"message":"Not Found"}');
    expect(gateway).toMatchObject({ gatewayError: 'notFound', integrationCalled: false });
    const integration = classifyResponse(404, { 'x-amzn-errortype': 'NotFoundException' }, '{"error":"no pet"}');
    expect(integration).toMatchObject({ gatewayError: null, integrationCalled: true });
  });

  it('names the throttling layer from the debug header, and the quota even without it', () => {
    const layer = (value: string) =>
      classifyResponse(429, { 'x-amzn-errortype': 'TooManyRequestsException', 'x-gatelab-throttled-by': value }, '')
        .throttledBy;
    expect(['usagePlan', 'stage', 'account'].map(layer)).toEqual(['usagePlan', 'stage', 'account']);
    const quota = classifyResponse(429, { 'x-amzn-errortype': 'LimitExceededException' }, '');
    expect(quota).toMatchObject({ gatewayError: 'limitExceeded', throttledBy: 'quota', integrationCalled: false });
    const unknown = classifyResponse(429, { 'x-amzn-errortype': 'TooManyRequestsException' }, '');
    expect(unknown.throttledBy).toBeNull();
    expect(lacksThrottleLayer(unknown)).toBe(true);
  });

  it('reads the cache header: a HIT never calls the integration, a MISS does', () => {
    expect(classifyResponse(200, { 'x-gatelab-cache': 'HIT', 'content-type': json }, '{}')).toMatchObject({
      cache: 'HIT',
      integrationCalled: false,
      gatewayError: null,
    });
    expect(classifyResponse(200, { 'x-gatelab-cache': 'MISS' }, '{}')).toMatchObject({
      cache: 'MISS',
      integrationCalled: true,
    });
    expect(classifyResponse(200, {}, '')).toMatchObject({ cache: null, integrationCalled: true });
  });

  it('treats integration failures (no error type) as answers of the integration', () => {
    const timeout = classifyResponse(504, { 'content-type': json }, '{"message":"Endpoint request timed out"}');
    expect(timeout).toMatchObject({ status: 504, gatewayError: null, integrationCalled: true });
  });

  it('ignores a throttle header on a response that is not a throttle, and unknown error types', () => {
    const odd = classifyResponse(200, { 'x-gatelab-throttled-by': 'stage', 'x-amzn-errortype': 'Whatever' }, '');
    expect(odd).toMatchObject({ throttledBy: null, gatewayError: null, integrationCalled: true });
  });

  it('lower-cases header names as autocannon passes them on', () => {
    const headers = lowerCaseHeaders({ 'x-amzn-ErrorType': 'ForbiddenException', 'X-Gatelab-Cache': ['HIT', 'MISS'] });
    expect(headers).toEqual({ 'x-amzn-errortype': 'ForbiddenException', 'x-gatelab-cache': ['HIT', 'MISS'] });
    expect(classifyResponse(200, headers, '').cache).toBe('HIT');
  });
});
