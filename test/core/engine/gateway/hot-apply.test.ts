import { describe, expect, it } from 'vitest';
import { Gateway } from '../../../../core/engine/gateway/gateway.ts';
import { burst, configFrom, mock, restConfig, send } from './helpers.ts';

const KEY = 'alice-0123456789abcdef';
const route = (body: string) => ({
  method: 'GET',
  path: '/pets',
  apiKeyRequired: true,
  integration: mock(`${body} n=\${integration.callCount}`),
});

interface Knobs {
  burst?: number;
  deploymentId?: string;
  cacheClusterSize?: string;
  quotaLimit?: number;
  color?: string;
  /** Serve the working routes (no deployment), this body on GET /pets, plus `extraRoute` when set. */
  working?: string;
  extraRoute?: boolean;
}

function config(knobs: Knobs = {}) {
  return configFrom(
    restConfig({
      routes: [
        route(knobs.working ?? 'working'),
        ...(knobs.extraRoute ? [{ method: 'GET', path: '/toys', integration: mock('toys') }] : []),
      ],
      deployments: [
        { id: 'd1', routes: [route('v1')] },
        { id: 'd2', routes: [route('v2')] },
      ],
      stages: [
        {
          name: 'prod',
          ...(knobs.working === undefined ? { deploymentId: knobs.deploymentId ?? 'd1' } : {}),
          variables: { color: knobs.color ?? 'blue' },
          cacheClusterEnabled: true,
          cacheClusterSize: knobs.cacheClusterSize ?? '0.5',
          methodSettings: {
            '*/*': { cachingEnabled: true, throttlingRateLimit: 0, throttlingBurstLimit: knobs.burst ?? 10 },
          },
        },
      ],
      usagePlans: [
        {
          id: 'free',
          quota: { limit: knobs.quotaLimit ?? 100, period: 'DAY' },
          apiStages: [{ apiId: 'pets', stage: 'prod' }],
        },
      ],
      apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['free'] }],
    }),
  );
}

const get = (gateway: Gateway, now = 0, headers: Record<string, string> = {}) =>
  send(gateway, { path: '/prod/pets', headers: { 'x-api-key': KEY, ...headers } }, now);
const stageLevel = (gateway: Gateway) =>
  gateway.bucketLevels(0).find((b) => b.id === 'stage:pets/prod:GET /pets')?.level;
const forceRefresh = { 'cache-control': 'max-age=0', 'x-gatelab-invalidate': 'allow' };

describe('applyConfig (SPEC §9 hot-apply and redeploy)', () => {
  it("keeps a surviving bucket's level, clamped to the new burst", () => {
    const gateway = new Gateway(config());
    burst(gateway, { path: '/prod/pets', headers: { 'x-api-key': KEY, ...forceRefresh } }, 3);
    expect(stageLevel(gateway)).toBe(7);
    gateway.applyConfig(config(), 0);
    expect(stageLevel(gateway)).toBe(7);
    gateway.applyConfig(config({ burst: 5 }), 0);
    expect(stageLevel(gateway)).toBe(5);
    gateway.applyConfig(config({ burst: 20 }), 0);
    expect(gateway.bucketLevels(0).find((b) => b.id === 'stage:pets/prod:GET /pets')).toMatchObject({
      burst: 20,
      level: 5,
    });
  });

  it('starts a new bucket full and drops a bucket whose id is gone', () => {
    const gateway = new Gateway(
      configFrom(restConfig({ routes: [{ method: 'GET', path: '/a', integration: mock() }] })),
    );
    expect(gateway.bucketLevels(0).map((b) => b.id)).toEqual(['account']);
    gateway.applyConfig(config({ burst: 4 }), 0);
    expect(stageLevel(gateway)).toBe(4);
    gateway.applyConfig(configFrom(restConfig({ routes: [] })), 0);
    expect(stageLevel(gateway)).toBeUndefined();
  });

  it('keeps quota usage', () => {
    const gateway = new Gateway(config({ quotaLimit: 5 }));
    burst(gateway, { path: '/prod/pets', headers: { 'x-api-key': KEY, ...forceRefresh } }, 4);
    gateway.applyConfig(config({ quotaLimit: 10 }), 0);
    expect(gateway.quotaUsage(0)[0]).toMatchObject({ used: 4, remaining: 6 });
    gateway.applyConfig(config({ quotaLimit: 4 }), 0);
    expect(get(gateway, 0, forceRefresh).outcome.throttledBy).toBe('quota');
  });

  it('keeps cache entries across changes that touch neither the cache size nor the deployment', () => {
    const gateway = new Gateway(config());
    get(gateway);
    gateway.applyConfig(config({ burst: 50, quotaLimit: 50, color: 'red' }), 0);
    expect(get(gateway).outcome.cache).toBe('HIT');
  });

  it("flushes the cache when the stage's cache size changes", () => {
    const gateway = new Gateway(config());
    get(gateway);
    gateway.applyConfig(config({ cacheClusterSize: '1.6' }), 0);
    const after = get(gateway);
    expect(after.outcome.cache).toBe('MISS');
  });

  it("flushes the cache when the stage's deployment changes", () => {
    const gateway = new Gateway(config());
    expect(get(gateway).response.body).toBe('v1 n=1');
    gateway.applyConfig(config({ deploymentId: 'd2' }), 0);
    const after = get(gateway);
    expect(after.outcome.cache).toBe('MISS');
    expect(after.response.body).toBe('v2 n=1');
  });

  it('flushes the cache of a stage serving the working routes when they change, and only then', () => {
    const gateway = new Gateway(config({ working: 'w1' }));
    expect(get(gateway).response.body).toBe('w1 n=1');
    gateway.applyConfig(config({ working: 'w1', burst: 50 }), 0);
    expect(get(gateway).outcome.cache).toBe('HIT');
    gateway.applyConfig(config({ working: 'w1', extraRoute: true }), 0);
    expect(get(gateway).outcome.cache).toBe('MISS');
    gateway.applyConfig(config({ working: 'w2', extraRoute: true }), 0);
    const after = get(gateway);
    expect(after.outcome.cache).toBe('MISS');
    // The working routes keep one callCount counter across edits: the third integration call.
    expect(after.response.body).toBe('w2 n=3');
  });

  it('drops the cache of a deleted stage, so that re-creating it starts empty', () => {
    const gateway = new Gateway(config());
    get(gateway);
    const withoutStage = config();
    gateway.applyConfig(
      { ...withoutStage, apis: [{ ...withoutStage.apis[0]!, stages: [] }], usagePlans: [], apiKeys: [] },
      0,
    );
    gateway.applyConfig(config(), 0);
    expect(get(gateway).outcome.cache).toBe('MISS');
  });

  it('keeps callCount counters per stage, deployment and route', () => {
    const gateway = new Gateway(config());
    get(gateway, 0, forceRefresh);
    expect(get(gateway, 0, forceRefresh).response.body).toBe('v1 n=2');
    gateway.applyConfig(config({ burst: 30 }), 0);
    expect(get(gateway, 0, forceRefresh).response.body).toBe('v1 n=3');
    gateway.applyConfig(config({ deploymentId: 'd2' }), 0);
    expect(get(gateway, 0, forceRefresh).response.body).toBe('v2 n=1');
    gateway.applyConfig(config({ deploymentId: 'd1' }), 0);
    expect(get(gateway, 0, forceRefresh).response.body).toBe('v1 n=4');
  });

  it('serves the new config at once, and keeps the old one for tickets already issued', () => {
    const gateway = new Gateway(config());
    const decision = gateway.handle({ method: 'GET', path: '/prod/pets', headers: { 'x-api-key': KEY } }, 0);
    gateway.applyConfig(config({ deploymentId: 'd2' }), 0);
    expect(decision.kind).toBe('integrate');
    if (decision.kind === 'integrate')
      expect(gateway.complete(decision, decision.modeled, 1).response.body).toBe('v1 n=1');
    expect(gateway.config.apis[0]?.stages[0]?.deploymentId).toBe('d2');
  });
});

describe('reset (SPEC §9 serve controls)', () => {
  it('clears buckets, quotas, caches, counters and metrics', () => {
    const gateway = new Gateway(config({ burst: 3 }));
    burst(gateway, { path: '/prod/pets', headers: { 'x-api-key': KEY } }, 3);
    gateway.reset(0);
    expect(stageLevel(gateway)).toBe(3);
    expect(gateway.quotaUsage(0)[0]?.used).toBe(0);
    expect(gateway.metrics().stages.map((d) => d.metrics.Count)).toEqual([0]);
    const first = get(gateway);
    expect(first.outcome.cache).toBe('MISS');
    expect(first.response.body).toBe('v1 n=1');
  });
});
