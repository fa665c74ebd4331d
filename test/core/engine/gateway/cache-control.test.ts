import { describe, expect, it } from 'vitest';
import { gatewayFrom, mock, restConfig, send } from './helpers.ts';

const WARNING = '199 Cache-control headers were ignored because the caller was unauthorized.';
const route = (body: string) => ({
  method: 'GET',
  path: '/pets',
  integration: mock(`${body} n=\${integration.callCount}`),
});

function cachedStage(stage: Record<string, unknown> = {}) {
  return gatewayFrom(
    restConfig({
      routes: [route('pets')],
      stages: [
        { name: 'prod', cacheClusterEnabled: true, methodSettings: { '*/*': { cachingEnabled: true } }, ...stage },
      ],
    }),
  );
}

const refresh = { 'cache-control': 'max-age=0' };

describe('Cache-Control: max-age=0 (SPEC §4, §9)', () => {
  it('fetches and replaces the entry when authorization is not required', () => {
    const gateway = cachedStage({ requireAuthorizationForCacheControl: false });
    send(gateway, { path: '/prod/pets' });
    const forced = send(gateway, { path: '/prod/pets', headers: refresh });
    expect(forced.outcome.cache).toBe('MISS');
    expect(forced.response.body).toBe('pets n=2');
    const next = send(gateway, { path: '/prod/pets' });
    expect(next.outcome.cache).toBe('HIT');
    expect(next.response.body).toBe('pets n=2');
  });

  it('requires authorization by default, given by x-gatelab-invalidate: allow', () => {
    const gateway = cachedStage();
    send(gateway, { path: '/prod/pets' });
    const forced = send(gateway, { path: '/prod/pets', headers: { ...refresh, 'x-gatelab-invalidate': 'allow' } });
    expect(forced.outcome.cache).toBe('MISS');
    expect(forced.response.headers['Warning']).toBeUndefined();
    expect(send(gateway, { path: '/prod/pets' }).response.body).toBe('pets n=2');
  });

  it('recognises max-age=0 among other directives, but not other ages', () => {
    const gateway = cachedStage({ requireAuthorizationForCacheControl: false });
    send(gateway, { path: '/prod/pets' });
    expect(send(gateway, { path: '/prod/pets', headers: { 'cache-control': 'max-age=10' } }).outcome.cache).toBe('HIT');
    expect(
      send(gateway, { path: '/prod/pets', headers: { 'cache-control': 'no-store, max-age=0' } }).outcome.cache,
    ).toBe('MISS');
  });

  it('answers an unauthorized caller with 403 Unauthorized under FAIL_WITH_403, neither hit nor miss', () => {
    const gateway = cachedStage({ unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' });
    send(gateway, { path: '/prod/pets' });
    const refused = send(gateway, { path: '/prod/pets', headers: refresh });
    expect(refused.response.status).toBe(403);
    expect(refused.response.body).toBe('{"message":"Unauthorized"}');
    expect(refused.response.headers['x-amzn-ErrorType']).toBe('AccessDeniedException');
    expect(refused.response.headers['content-type']).toBe('application/json');
    expect(refused.outcome).toMatchObject({ cache: null, throttledBy: null, integrationCalled: false });
    expect(send(gateway, { path: '/prod/pets' }).response.body).toBe('pets n=1');
    expect(gateway.metrics().stages[0]?.metrics).toMatchObject({ CacheHitCount: 1, CacheMissCount: 1, '4XXError': 1 });
  });

  it('serves the cached response with a Warning under SUCCEED_WITH_RESPONSE_HEADER, the default', () => {
    for (const stage of [{}, { unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' }]) {
      const gateway = cachedStage(stage);
      send(gateway, { path: '/prod/pets' });
      const served = send(gateway, { path: '/prod/pets', headers: refresh });
      expect(served.response.status).toBe(200);
      expect(served.response.body).toBe('pets n=1');
      expect(served.response.headers['Warning']).toBe(WARNING);
      expect(served.outcome.cache).toBe('HIT');
      // The warning is not stored with the entry.
      expect(send(gateway, { path: '/prod/pets' }).response.headers['Warning']).toBeUndefined();
    }
  });

  it('serves the cached response without a Warning under SUCCEED_WITHOUT_RESPONSE_HEADER', () => {
    const gateway = cachedStage({ unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITHOUT_RESPONSE_HEADER' });
    send(gateway, { path: '/prod/pets' });
    const served = send(gateway, { path: '/prod/pets', headers: refresh });
    expect(served.response.body).toBe('pets n=1');
    expect(served.response.headers['Warning']).toBeUndefined();
    expect(served.outcome.cache).toBe('HIT');
  });
});

describe('canary cache entries (SPEC §4)', () => {
  function canaryGateway(useStageCache: boolean) {
    return gatewayFrom(
      restConfig({
        routes: [route('working')],
        deployments: [
          { id: 'd1', routes: [route('v1')] },
          { id: 'd2', routes: [route('v2')] },
        ],
        stages: [
          {
            name: 'prod',
            deploymentId: 'd1',
            cacheClusterEnabled: true,
            methodSettings: { '*/*': { cachingEnabled: true } },
            canarySettings: { deploymentId: 'd2', percentTraffic: 50, useStageCache },
          },
        ],
      }),
      { seed: 11 },
    );
  }

  it('keeps canary entries apart from the stage entries', () => {
    const gateway = canaryGateway(false);
    const seen = { main: [] as string[], canary: [] as string[] };
    for (let i = 0; i < 30; i++) {
      const result = send(gateway, { path: '/prod/pets' }, i);
      seen[result.outcome.canary ? 'canary' : 'main'].push(`${result.outcome.cache} ${result.response.body}`);
    }
    expect(seen.main[0]).toBe('MISS v1 n=1');
    expect(seen.canary[0]).toBe('MISS v2 n=1');
    expect(seen.main.slice(1).every((s) => s === 'HIT v1 n=1')).toBe(true);
    expect(seen.canary.slice(1).every((s) => s === 'HIT v2 n=1')).toBe(true);
  });

  it('shares the stage entries with useStageCache', () => {
    const gateway = canaryGateway(true);
    const results = Array.from({ length: 30 }, (_, i) => send(gateway, { path: '/prod/pets' }, i));
    expect(results.filter((r) => r.outcome.canary).length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.outcome.canary).length).toBeGreaterThan(0);
    const stored = results[0]!.response.body;
    expect(results.slice(1).every((r) => r.outcome.cache === 'HIT' && r.response.body === stored)).toBe(true);
  });
});
