import { describe, expect, it } from 'vitest';
import { gatewayFrom, httpConfig, mock, restConfig, send, ticketFor } from './helpers.ts';

const restGateway = () =>
  gatewayFrom(
    restConfig({
      routes: [
        { method: 'GET', path: '/pets', integration: mock('ok') },
        {
          method: 'GET',
          path: '/files/{proxy+}',
          integration: { type: 'HTTP_PROXY', uri: 'http://${stageVariables.host}/v1/{proxy}' },
        },
        { method: 'GET', path: '/users/{id}', integration: { type: 'HTTP_PROXY', uri: 'http://backend/users/{id}' } },
      ],
      stages: [
        {
          name: 'prod',
          variables: { host: 'example.test' },
          cacheClusterEnabled: true,
          methodSettings: { '*/*': { cachingEnabled: true } },
        },
      ],
    }),
  );

describe('integration tickets (SPEC §2 integration types, §3 step 7)', () => {
  it('describes the request for the host', () => {
    const ticket = ticketFor(restGateway(), { path: '/prod/users/42' }, 5);
    expect(ticket).toMatchObject({
      protocol: 'REST',
      apiId: 'pets',
      stage: 'prod',
      routeKey: 'GET /users/{id}',
      resourcePath: '/users/{id}',
      stagePath: '/users/42',
      pathParams: { id: '42' },
      receivedAt: 5,
      canary: false,
      callCount: 1,
    });
  });

  it('substitutes stage variables and path parameters into HTTP_PROXY uris', () => {
    const gateway = restGateway();
    expect(ticketFor(gateway, { path: '/prod/files/a/b.txt' }).uri).toBe('http://example.test/v1/a/b.txt');
    expect(ticketFor(gateway, { path: '/prod/users/7' }).uri).toBe('http://backend/users/7');
  });

  it('models HTTP_PROXY with 200 ms and an empty body by default (virtual mode)', () => {
    const ticket = ticketFor(restGateway(), { path: '/prod/users/7' });
    expect(ticket.modeled).toMatchObject({ status: 200, body: '', latencyMs: 200 });
  });
});

describe('integration failures (SPEC §9 responses)', () => {
  it.each([
    ['timeout', 504, '{"message":"Endpoint request timed out"}', 'integrationTimeout'],
    ['badGateway', 502, '{"message":"Internal server error"}', 'integrationFailure'],
    ['lambdaThrottled', 500, '{"message":"Internal server error"}', 'integrationFailure'],
  ] as const)('answers a REST %s with %i', (failure, status, body, kind) => {
    const gateway = restGateway();
    const ticket = ticketFor(gateway, { path: '/prod/pets' }, 0);
    const result = gateway.complete(ticket, { failure }, 29_000);
    expect(result.response).toMatchObject({ status, body });
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(result.response.headers['x-amzn-RequestId']).toBe(ticket.requestId);
    expect(result.outcome).toMatchObject({ gatewayError: kind, integrationCalled: true, latencyMs: 29_000 });
    // A failure is not stored: the next request misses again.
    expect(send(gateway, { path: '/prod/pets' }, 29_001).outcome.cache).toBe('MISS');
  });

  it.each([
    ['timeout', 503, '{"message":"Service Unavailable"}'],
    ['badGateway', 502, '{"message":"Internal Server Error"}'],
    ['lambdaThrottled', 500, '{"message":"Internal Server Error"}'],
  ] as const)('answers an HTTP API %s with %i', (failure, status, body) => {
    const gateway = gatewayFrom(httpConfig({ routes: [{ method: 'GET', path: '/x', integration: mock('ok') }] }));
    const ticket = ticketFor(gateway, { path: '/x' });
    expect(gateway.complete(ticket, { failure }, 10).response).toMatchObject({ status, body });
  });

  it('marks gateway-made answers and leaves integration answers unmarked', () => {
    const gateway = restGateway();
    expect(send(gateway, { path: '/prod/pets' }).outcome.gatewayError).toBeNull();
    expect(send(gateway, { path: '/prod/none' }).outcome.gatewayError).toBe('missingAuthToken');
    expect(send(gateway, { path: '/none' }).outcome.gatewayError).toBe('forbidden');
  });
});
