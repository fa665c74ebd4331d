import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../../core/engine/gateway/gateway.ts';
import { gatewayFrom, httpConfig, mock, restConfig, send } from './helpers.ts';

const KEY = 'alice-0123456789abcdef';

function restGateway() {
  return gatewayFrom(
    restConfig({
      routes: [
        { method: 'GET', path: '/pets', integration: mock('list', { latencyMs: 35 }) },
        { method: 'GET', path: '/fail', integration: mock('', { errorRate: 1, latencyMs: 10 }) },
        { method: 'GET', path: '/keyed', apiKeyRequired: true, integration: mock('k') },
      ],
      stages: [
        {
          name: 'prod',
          cacheClusterEnabled: true,
          methodSettings: {
            '*/*': { cachingEnabled: true },
            'GET /fail': { cachingEnabled: false, throttlingRateLimit: 0, throttlingBurstLimit: 1 },
          },
        },
      ],
      usagePlans: [{ id: 'free', quota: { limit: 1, period: 'DAY' }, apiStages: [{ apiId: 'pets', stage: 'prod' }] }],
      apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['free'] }],
    }),
  );
}

const stageOf = (gateway: Gateway, stage = 'prod') => gateway.metrics().stages.find((d) => d.stage === stage);
const routeOf = (gateway: Gateway, routeKey: string) => gateway.metrics().routes.find((d) => d.routeKey === routeKey);

describe('metrics (SPEC §5)', () => {
  it('keeps the REST CloudWatch names per API and stage and per route', () => {
    const gateway = restGateway();
    send(gateway, { path: '/prod/pets' }, 0, 'latency'); // MISS, 35 ms
    send(gateway, { path: '/prod/pets' }, 100); // HIT
    send(gateway, { path: '/prod/fail' }, 200, 'latency'); // 500
    send(gateway, { path: '/prod/fail' }, 300); // 429 stage
    send(gateway, { path: '/prod/keyed' }, 400); // 403 no key
    send(gateway, { path: '/prod/keyed', headers: { 'x-api-key': KEY } }, 500); // MISS
    send(gateway, { path: '/prod/keyed', headers: { 'x-api-key': KEY } }, 600); // 429 quota
    send(gateway, { path: '/prod/nothing' }, 700); // 403 Missing Authentication Token
    send(gateway, { path: '/nostage/pets' }, 800); // 403 Forbidden: no stage to count it on

    const stage = stageOf(gateway)!;
    expect(stage).toMatchObject({ apiId: 'pets', stage: 'prod', routeKey: null });
    expect(stage.metrics).toMatchObject({
      Count: 8,
      '4XXError': 4,
      '5XXError': 1,
      CacheHitCount: 1,
      CacheMissCount: 2,
      ThrottleCount: { usagePlan: 0, stage: 1, account: 0, quota: 1 },
      IntegrationCalls: 3,
    });
    expect(stage.metrics.Latency.count).toBe(8);
    expect(stage.metrics.Latency.max).toBeCloseTo(35, 1);
    expect(stage.metrics.IntegrationLatency.count).toBe(3);
    expect(stage.metrics).not.toHaveProperty('4xx');

    expect(routeOf(gateway, 'GET /pets')?.metrics).toMatchObject({ Count: 2, CacheHitCount: 1, CacheMissCount: 1 });
    expect(routeOf(gateway, 'GET /fail')?.metrics).toMatchObject({
      Count: 2,
      '4XXError': 1,
      '5XXError': 1,
      CacheHitCount: 0,
      CacheMissCount: 0,
      ThrottleCount: { stage: 1 },
    });
    expect(routeOf(gateway, 'GET /keyed')?.metrics).toMatchObject({ Count: 3, '4XXError': 2 });
    expect(routeOf(gateway, 'GET /fail')?.metrics.IntegrationLatency.p50).toBeCloseTo(10, 1);
  });

  it('keeps the HTTP API names, with no cache metrics', () => {
    const gateway = gatewayFrom(
      httpConfig({
        routes: [
          { method: 'GET', path: '/items', integration: mock('ok') },
          { method: 'GET', path: '/boom', integration: mock('', { errorRate: 1 }) },
        ],
        stages: [
          { name: '$default', methodSettings: { 'GET /items': { throttlingRateLimit: 0, throttlingBurstLimit: 1 } } },
        ],
      }),
    );
    send(gateway, { path: '/items' });
    send(gateway, { path: '/items' }); // 429
    send(gateway, { path: '/boom' });
    send(gateway, { path: '/missing' }); // 404
    const stage = stageOf(gateway, '$default')!;
    expect(stage.metrics).toMatchObject({ Count: 4, '4xx': 2, '5xx': 1, ThrottleCount: { stage: 1 } });
    expect(stage.metrics).not.toHaveProperty('4XXError');
    expect(stage.metrics).not.toHaveProperty('CacheHitCount');
    expect(routeOf(gateway, 'GET /items')?.metrics).toMatchObject({ Count: 2, '4xx': 1 });
  });

  it('counts into one-second buckets', () => {
    const gateway = restGateway();
    send(gateway, { path: '/prod/pets' }, 0);
    send(gateway, { path: '/prod/pets' }, 999);
    send(gateway, { path: '/prod/fail' }, 1000);
    send(gateway, { path: '/prod/fail' }, 1500);
    send(gateway, { path: '/prod/pets' }, 3200);
    const points = stageOf(gateway)!.perSecond;
    expect(points.map((p) => p.second)).toEqual([0, 1, 2, 3]);
    expect(points.map((p) => p.count)).toEqual([2, 2, 0, 1]);
    expect(points[0]).toMatchObject({ cacheMisses: 1, cacheHits: 1, integrationCalls: 1 });
    expect(points[1]).toMatchObject({ errors5xx: 1, errors4xx: 1, throttled: 1 });
  });
});
