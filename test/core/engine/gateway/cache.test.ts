import { describe, expect, it } from 'vitest';
import { gatewayFrom, mock, restConfig, send, ticketFor } from './helpers.ts';

const LIMIT = 1_048_576;

const routes = [
  { method: 'GET', path: '/pets/{id}', integration: mock('pet ${method.request.path.id} n=${integration.callCount}') },
  {
    method: 'GET',
    path: '/keyed/{id}',
    cacheKeyParameters: ['method.request.path.id'],
    integration: mock('keyed ${method.request.path.id} n=${integration.callCount}'),
  },
  {
    method: 'GET',
    path: '/search',
    cacheKeyParameters: ['method.request.querystring.q', 'method.request.header.X-Tenant'],
    integration: mock('n=${integration.callCount}'),
  },
  { method: 'POST', path: '/pets', integration: mock('n=${integration.callCount}') },
  { method: 'PUT', path: '/pets', integration: mock('n=${integration.callCount}') },
  { method: 'GET', path: '/broken', integration: mock('', { errorRate: 1, errorStatusCode: 502 }) },
  { method: 'GET', path: '/big', integration: mock('x'.repeat(LIMIT + 1)) },
  { method: 'GET', path: '/edge', integration: mock('y'.repeat(LIMIT)) },
];

function cached(stage: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return gatewayFrom(
    restConfig({
      routes,
      stages: [
        {
          name: 'prod',
          cacheClusterEnabled: true,
          methodSettings: { '*/*': { cachingEnabled: true }, 'POST /pets': { cachingEnabled: true } },
          ...stage,
        },
      ],
      ...extra,
    }),
  );
}

describe('when the cache applies (SPEC §4)', () => {
  it('caches only with cacheClusterEnabled and the method cachingEnabled', () => {
    const noCluster = cached({ cacheClusterEnabled: false });
    const noMethod = cached({ methodSettings: {} });
    for (const gateway of [noCluster, noMethod]) {
      const first = send(gateway, { path: '/prod/pets/1' });
      const second = send(gateway, { path: '/prod/pets/1' });
      expect([first.response.body, second.response.body]).toEqual(['pet 1 n=1', 'pet 1 n=2']);
      expect(second.outcome.cache).toBeNull();
      expect(second.response.headers['x-gatelab-cache']).toBeUndefined();
    }
    expect(noCluster.flushCache('pets', 'prod')).toBe(false);
  });

  it('lets */* enable GET only: other methods need their own entry', () => {
    const gateway = cached();
    expect(send(gateway, { method: 'PUT', path: '/prod/pets' }).outcome.cache).toBeNull();
    expect(send(gateway, { method: 'PUT', path: '/prod/pets' }).response.body).toBe('n=2');
    expect(send(gateway, { method: 'POST', path: '/prod/pets' }).outcome.cache).toBe('MISS');
    const hit = send(gateway, { method: 'POST', path: '/prod/pets' });
    expect(hit.outcome.cache).toBe('HIT');
    expect(hit.response.body).toBe('n=1');
  });

  it('serves a hit with its own request id and the debug header', () => {
    const gateway = cached();
    const miss = send(gateway, { path: '/prod/pets/1' });
    const hit = send(gateway, { path: '/prod/pets/1' }, 10);
    expect(miss.response.headers['x-gatelab-cache']).toBe('MISS');
    expect(hit.response.headers['x-gatelab-cache']).toBe('HIT');
    expect(hit.response.headers['content-type']).toBe('application/json');
    expect(hit.response.headers['x-amzn-RequestId']).toBe(hit.outcome.requestId);
    expect(hit.outcome.requestId).not.toBe(miss.outcome.requestId);
    expect(hit.outcome).toMatchObject({ status: 200, integrationCalled: false, latencyMs: 0 });
  });
});

describe('TTL (SPEC §4, §9)', () => {
  it('keeps an entry 300 s by default: a hit at 299,999 ms and a miss at 300,000 ms', () => {
    const gateway = cached();
    expect(send(gateway, { path: '/prod/pets/1' }, 0).outcome.cache).toBe('MISS');
    expect(send(gateway, { path: '/prod/pets/1' }, 299_999).outcome.cache).toBe('HIT');
    const expired = send(gateway, { path: '/prod/pets/1' }, 300_000);
    expect(expired.outcome.cache).toBe('MISS');
    expect(expired.response.body).toBe('pet 1 n=2');
  });

  it('counts the TTL from when the response is stored, at completion', () => {
    const gateway = cached();
    const ticket = ticketFor(gateway, { path: '/prod/pets/1' }, 0);
    gateway.complete(ticket, ticket.modeled, 1000);
    expect(send(gateway, { path: '/prod/pets/1' }, 300_999).outcome.cache).toBe('HIT');
    expect(send(gateway, { path: '/prod/pets/1' }, 301_000).outcome.cache).toBe('MISS');
  });

  it('disables caching with TTL 0 and caps the TTL at 3600 s', () => {
    const off = cached({ methodSettings: { '*/*': { cachingEnabled: true, cacheTtlInSeconds: 0 } } });
    expect(send(off, { path: '/prod/pets/1' }).outcome.cache).toBeNull();
    expect(send(off, { path: '/prod/pets/1' }).outcome.cache).toBeNull();
    const long = cached({ methodSettings: { '*/*': { cachingEnabled: true, cacheTtlInSeconds: 5000 } } });
    send(long, { path: '/prod/pets/1' }, 0);
    expect(send(long, { path: '/prod/pets/1' }, 3_599_999).outcome.cache).toBe('HIT');
    expect(send(long, { path: '/prod/pets/1' }, 3_600_000).outcome.cache).toBe('MISS');
  });
});

describe('cache key (SPEC §4)', () => {
  it('shares one entry between /pets/1 and /pets/2 without declared key parameters', () => {
    const gateway = cached();
    send(gateway, { path: '/prod/pets/1' });
    const other = send(gateway, { path: '/prod/pets/2' });
    expect(other.outcome.cache).toBe('HIT');
    expect(other.response.body).toBe('pet 1 n=1');
  });

  it('separates entries by a declared path parameter', () => {
    const gateway = cached();
    expect(send(gateway, { path: '/prod/keyed/1' }).response.body).toBe('keyed 1 n=1');
    expect(send(gateway, { path: '/prod/keyed/2' }).response.body).toBe('keyed 2 n=2');
    expect(send(gateway, { path: '/prod/keyed/1' }).response.body).toBe('keyed 1 n=1');
  });

  it('separates entries by declared query and header parameters, and ignores the rest', () => {
    const gateway = cached();
    const body = (query: Record<string, string>, headers: Record<string, string> = {}) =>
      send(gateway, { path: '/prod/search', query, headers }).response.body;
    expect(body({ q: 'a' })).toBe('n=1');
    expect(body({ q: 'b' })).toBe('n=2');
    expect(body({ q: 'a', page: '9' }, { accept: 'text/plain' })).toBe('n=1');
    expect(body({ q: 'a' }, { 'x-tenant': 't1' })).toBe('n=3');
    expect(body({ q: 'a' }, { 'x-tenant': 't2' })).toBe('n=4');
    expect(body({ q: 'a' }, { 'x-tenant': 't1' })).toBe('n=3');
    expect(body({})).toBe('n=5');
  });
});

describe('what is stored (SPEC §4, §9)', () => {
  it('caches error responses like any other', () => {
    const gateway = cached();
    expect(send(gateway, { path: '/prod/broken' }).outcome).toMatchObject({ status: 502, cache: 'MISS' });
    const hit = send(gateway, { path: '/prod/broken' });
    expect(hit.outcome).toMatchObject({ status: 502, cache: 'HIT', integrationCalled: false });
    expect(hit.response.body).toBe('{"message":"Internal server error"}');
  });

  it('never stores a body over 1,048,576 bytes: a MISS every time', () => {
    const gateway = cached();
    expect(send(gateway, { path: '/prod/big' }).outcome.cache).toBe('MISS');
    expect(send(gateway, { path: '/prod/big' }).outcome.cache).toBe('MISS');
    send(gateway, { path: '/prod/edge' });
    expect(send(gateway, { path: '/prod/edge' }).outcome.cache).toBe('HIT');
  });

  it('stores at completion, so concurrent misses for one key both reach the integration', () => {
    const gateway = cached();
    const first = ticketFor(gateway, { path: '/prod/pets/1' }, 0);
    const second = ticketFor(gateway, { path: '/prod/pets/1' }, 5);
    expect(gateway.complete(first, first.modeled, 20).outcome.cache).toBe('MISS');
    expect(gateway.complete(second, second.modeled, 25).outcome.cache).toBe('MISS');
    const hit = send(gateway, { path: '/prod/pets/1' }, 30);
    expect(hit.outcome.cache).toBe('HIT');
    expect(hit.response.body).toBe('pet 1 n=2');
  });

  it('empties a stage cache with flushCache', () => {
    const gateway = cached();
    send(gateway, { path: '/prod/pets/1' });
    expect(gateway.flushCache('pets', 'prod')).toBe(true);
    expect(send(gateway, { path: '/prod/pets/1' }).outcome.cache).toBe('MISS');
    expect(gateway.flushCache('pets', 'nope')).toBe(false);
  });
});

describe('cache and throttle (SPEC §3 Decisions)', () => {
  it('spends throttle tokens and quota on a hit; a throttled request is neither hit nor miss', () => {
    const key = 'alice-0123456789abcdef';
    const gateway = gatewayFrom(
      restConfig({
        routes: [{ method: 'GET', path: '/pets', apiKeyRequired: true, integration: mock('list') }],
        stages: [
          {
            name: 'prod',
            cacheClusterEnabled: true,
            methodSettings: { '*/*': { cachingEnabled: true, throttlingRateLimit: 0, throttlingBurstLimit: 3 } },
          },
        ],
        usagePlans: [{ id: 'free', quota: { limit: 2, period: 'DAY' }, apiStages: [{ apiId: 'pets', stage: 'prod' }] }],
        apiKeys: [{ id: 'alice', value: key, usagePlanIds: ['free'] }],
      }),
    );
    const results = Array.from({ length: 4 }, () =>
      send(gateway, { path: '/prod/pets', headers: { 'x-api-key': key } }),
    );
    expect(results.map((r) => [r.response.status, r.outcome.cache, r.outcome.throttledBy])).toEqual([
      [200, 'MISS', null],
      [200, 'HIT', null],
      [429, null, 'quota'],
      [429, null, 'stage'],
    ]);
    expect(results[3]!.response.headers['x-gatelab-cache']).toBeUndefined();
    expect(gateway.quotaUsage(0)[0]?.used).toBe(2);
    expect(gateway.bucketLevels(0).find((b) => b.id.startsWith('stage:'))?.level).toBe(0);
  });
});
