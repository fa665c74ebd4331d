import { describe, expect, it } from 'vitest';
import { burst, countOf, gatewayFrom, httpConfig, mock, restConfig, send } from './helpers.ts';

const pets = [
  { method: 'GET', path: '/pets', integration: mock('list') },
  { method: 'POST', path: '/pets', integration: mock('created') },
  { method: 'GET', path: '/pets/{id}', integration: mock('one') },
];

/** One REST stage whose `*\/*` throttle is rate/burst, under a generous account. */
function stageThrottled(rate: number, burstLimit: number) {
  return gatewayFrom(
    restConfig({
      routes: pets,
      stages: [
        { name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: rate, throttlingBurstLimit: burstLimit } } },
      ],
    }),
  );
}

describe('token bucket arithmetic (SPEC §3 Decisions, §9)', () => {
  it('admits the burst at once and refills up to the burst, not beyond', () => {
    const gateway = stageThrottled(10, 5);
    const first = burst(gateway, { path: '/prod/pets' }, 20, 0);
    // One second refills 10 tokens, but the bucket holds only 5.
    const second = burst(gateway, { path: '/prod/pets' }, 20, 1000);
    expect(countOf(first, 200)).toBe(5);
    expect(countOf(second, 200)).toBe(5);
    expect(first.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(countOf(first, 429)).toBe(15);
  });

  it('admits exactly 104 of 200 requests sent every 50 ms at rate 10, burst 5', () => {
    // The level before request n is 5 − 0.5n while all are admitted, so n = 0..8 pass (9 requests) and the
    // bucket is empty at t = 400. From then on each 50 ms adds 0.5: every second request passes
    // (n = 10, 12, …, 198: 95 more). 9 + 95 = 104.
    const gateway = stageThrottled(10, 5);
    const statuses = Array.from(
      { length: 200 },
      (_, n) => send(gateway, { path: '/prod/pets' }, n * 50).response.status,
    );
    expect(countOf(statuses, 200)).toBe(104);
    expect(countOf(statuses, 429)).toBe(96);
    expect(statuses.slice(0, 12)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 200, 429]);
  });

  it('blocks everything with rate 0 and burst 0', () => {
    const gateway = stageThrottled(0, 0);
    for (const t of [0, 1000, 60_000, 86_400_000]) {
      const result = send(gateway, { path: '/prod/pets' }, t);
      expect(result.response.status).toBe(429);
      expect(result.outcome.throttledBy).toBe('stage');
    }
  });

  it('refills fractional rates continuously', () => {
    // rate 0.5/s, burst 1: a token every 2 s.
    const gateway = stageThrottled(0.5, 1);
    const admitted = [];
    for (let t = 0; t <= 10_000; t += 500) {
      if (send(gateway, { path: '/prod/pets' }, t).response.status === 200) admitted.push(t);
    }
    expect(admitted).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
  });

  it('treats -1 as no limit: no bucket at that layer', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: pets,
        account: { throttlingRateLimit: -1, throttlingBurstLimit: -1 },
        stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: -1, throttlingBurstLimit: 5 } } }],
      }),
    );
    expect(countOf(burst(gateway, { path: '/prod/pets' }, 1000), 200)).toBe(1000);
    expect(gateway.bucketLevels(0)).toEqual([]);
  });

  it('reports exact bucket levels at any instant without moving them', () => {
    const gateway = stageThrottled(2, 10);
    burst(gateway, { path: '/prod/pets' }, 7, 0);
    const level = (t: number) => gateway.bucketLevels(t).find((b) => b.id === 'stage:pets/prod:GET /pets');
    expect(level(0)).toEqual({ id: 'stage:pets/prod:GET /pets', rate: 2, burst: 10, level: 3 });
    expect(level(1500)?.level).toBe(6);
    expect(level(250)?.level).toBe(3.5);
    expect(level(10_000)?.level).toBe(10);
    expect(level(0)?.level).toBe(3);
  });

  it('answers 429 Too Many Requests with its error type and no Retry-After', () => {
    const gateway = stageThrottled(0, 0);
    const result = send(gateway, { path: '/prod/pets' });
    expect(result.response.body).toBe('{"message":"Too Many Requests"}');
    expect(result.response.headers['x-amzn-ErrorType']).toBe('TooManyRequestsException');
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(result.response.headers['x-gatelab-throttled-by']).toBe('stage');
    expect(Object.keys(result.response.headers).map((h) => h.toLowerCase())).not.toContain('retry-after');
    expect(result.outcome).toMatchObject({ status: 429, throttledBy: 'stage', cache: null, integrationCalled: false });
  });

  it('leaves the debug headers out when they are off', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: pets,
        stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 0 } } }],
      }),
      { debugHeaders: false },
    );
    const result = send(gateway, { path: '/prod/pets' });
    expect(result.response.headers['x-gatelab-throttled-by']).toBeUndefined();
    expect(result.outcome.throttledBy).toBe('stage');
  });
});

describe('stage buckets per method (SPEC §3 Decisions)', () => {
  it('gives each method its own bucket under */*', () => {
    const gateway = stageThrottled(0, 2);
    expect(burst(gateway, { path: '/prod/pets' }, 3)).toEqual([200, 200, 429]);
    expect(burst(gateway, { method: 'POST', path: '/prod/pets' }, 3)).toEqual([200, 200, 429]);
    expect(burst(gateway, { path: '/prod/pets/1' }, 1)).toEqual([200]);
    expect(burst(gateway, { path: '/prod/pets/2' }, 2)).toEqual([200, 429]);
    const ids = gateway
      .bucketLevels(0)
      .map((b) => b.id)
      .filter((id) => id.startsWith('stage:'));
    expect(ids.sort()).toEqual([
      'stage:pets/prod:GET /pets',
      'stage:pets/prod:GET /pets/{id}',
      'stage:pets/prod:POST /pets',
    ]);
  });

  it("replaces */* with a method's own entry field by field", () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: pets,
        stages: [
          {
            name: 'prod',
            cacheClusterEnabled: true,
            methodSettings: {
              '*/*': { throttlingRateLimit: 100, throttlingBurstLimit: 50, cachingEnabled: true },
              'GET /pets/{id}': { throttlingBurstLimit: 2 },
            },
          },
        ],
      }),
    );
    const bucket = gateway.bucketLevels(0).find((b) => b.id === 'stage:pets/prod:GET /pets/{id}');
    expect(bucket).toMatchObject({ rate: 100, burst: 2 });
    // The method set only a throttle, so it still inherits */* caching.
    expect(send(gateway, { path: '/prod/pets/1' }).outcome.cache).toBe('MISS');
    expect(send(gateway, { path: '/prod/pets/1' }).outcome.cache).toBe('HIT');
    expect(send(gateway, { path: '/prod/pets/1' }).response.status).toBe(429);
  });

  it("takes the account's value for a rate or burst still unset at a layer", () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: pets,
        account: { throttlingRateLimit: 7, throttlingBurstLimit: 9 },
        stages: [
          {
            name: 'prod',
            methodSettings: { '*/*': { throttlingBurstLimit: 3 }, 'POST /pets': { throttlingRateLimit: 1 } },
          },
        ],
      }),
    );
    const levels = Object.fromEntries(gateway.bucketLevels(0).map((b) => [b.id, { rate: b.rate, burst: b.burst }]));
    expect(levels['stage:pets/prod:GET /pets']).toEqual({ rate: 7, burst: 3 });
    expect(levels['stage:pets/prod:POST /pets']).toEqual({ rate: 1, burst: 3 });
    expect(levels['account']).toEqual({ rate: 7, burst: 9 });
  });

  it('has no stage bucket when neither rate nor burst is set', () => {
    const gateway = gatewayFrom(
      restConfig({ routes: pets, account: { throttlingRateLimit: 1, throttlingBurstLimit: 2 } }),
    );
    expect(gateway.bucketLevels(0).map((b) => b.id)).toEqual(['account']);
    expect(burst(gateway, { path: '/prod/pets' }, 3)).toEqual([200, 200, 429]);
    expect(send(gateway, { path: '/prod/pets' }, 1000).outcome.throttledBy).toBeNull();
  });
});

describe('account bucket (SPEC §3 Decisions)', () => {
  it('is one bucket shared by every API and stage', () => {
    const api = (id: string) => ({
      id,
      routes: [{ method: 'GET', path: '/x', integration: mock(id) }],
      stages: [{ name: 'prod' }, { name: 'dev' }],
    });
    const gateway = gatewayFrom({
      formatVersion: 1,
      account: { throttlingRateLimit: 0, throttlingBurstLimit: 3 },
      apis: [api('a'), api('b')],
    });
    const statuses = [
      send(gateway, { path: '/prod/x', apiId: 'a' }).response.status,
      send(gateway, { path: '/dev/x', apiId: 'a' }).response.status,
      send(gateway, { path: '/prod/x', apiId: 'b' }).response.status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    const refused = send(gateway, { path: '/dev/x', apiId: 'b' });
    expect(refused.response.status).toBe(429);
    expect(refused.outcome.throttledBy).toBe('account');
    expect(gateway.bucketLevels(0)).toEqual([{ id: 'account', rate: 0, burst: 3, level: 0 }]);
  });
});

describe('HTTP API route throttling (SPEC §2)', () => {
  it('throttles by route key, else */*, then the account', () => {
    const gateway = gatewayFrom(
      httpConfig({
        routes: [
          { method: 'GET', path: '/items', integration: mock('list') },
          { path: '$default', integration: mock('other') },
        ],
        stages: [
          {
            name: '$default',
            methodSettings: {
              '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 2 },
              'GET /items': { throttlingRateLimit: 0, throttlingBurstLimit: 1 },
            },
          },
        ],
      }),
    );
    expect(burst(gateway, { path: '/items' }, 2)).toEqual([200, 429]);
    expect(burst(gateway, { path: '/anything' }, 3)).toEqual([200, 200, 429]);
    const throttled = send(gateway, { path: '/items' });
    expect(throttled.response.body).toBe('{"message":"Too Many Requests"}');
    expect(throttled.outcome.throttledBy).toBe('stage');
    const ids = gateway.bucketLevels(0).map((b) => b.id);
    expect(ids).toContain('stage:web/$default:GET /items');
    expect(ids).toContain('stage:web/$default:$default');
  });
});
