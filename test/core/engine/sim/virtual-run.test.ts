import { describe, expect, it } from 'vitest';
import { VirtualRun } from '../../../../core/engine/sim/virtual-run.ts';
import { config, scenario, shopConfig, simulate } from './sim-helpers.ts';

const steady = (extra: Record<string, unknown> = {}) => ({
  formatVersion: 1,
  name: 'steady',
  target: { apiId: 'shop', stage: 'prod' },
  startTime: '2026-03-10T10:00:00Z',
  seed: 9,
  phases: [{ durationSeconds: 10, rate: 20 }],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 50 } } } }],
  ...extra,
});

describe('VirtualRun', () => {
  it('gives byte-identical reports for the same seed, and different ones for another seed', () => {
    const configData = shopConfig({ rate: 10, burst: 5 });
    const scenarioData = steady({ arrivals: 'poisson' });
    const a = JSON.stringify(simulate(configData, scenarioData).report);
    const b = JSON.stringify(simulate(configData, scenarioData).report);
    const c = JSON.stringify(simulate(configData, scenarioData, 10).report);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('admits exactly what the bucket arithmetic allows for uniform arrivals', () => {
    // 20 rps against rate 10/burst 5 for 10 s: arrivals every 50 ms, t = 0 … 9950 ms.
    const { report, lines } = simulate(shopConfig({ rate: 10, burst: 5 }), steady());
    expect(report.totals.sent).toBe(200);
    // The bucket starts at 5 and gains 0.5 between arrivals, so nine pass before it runs dry at 450 ms;
    // from then on every other arrival finds a whole token.
    expect(report.totals.ok).toBe(104);
    expect(report.totals.throttled).toBe(96);
    expect(report.totals.throttledBy).toEqual({ usagePlan: 0, stage: 96, account: 0 });
    expect(lines.slice(0, 12).map((l) => l.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 200, 429,
    ]);
    expect(report.series).toHaveLength(10);
    expect(report.series[0]!.offered).toBe(20);
    expect(report.series.reduce((sum, p) => sum + p.ok, 0)).toBe(104);
  });

  it('reproduces an exact throttle sequence from a trace, entries at one instant in file order', () => {
    const { lines } = simulate(shopConfig({ rate: 1, burst: 2 }), {
      formatVersion: 1,
      name: 'trace',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [
        { at: 0, count: 3, path: '/prod/items/1' },
        { at: 999, path: '/prod/items/2' },
        { at: 1000, path: '/prod/items/3' },
        { at: 1000, path: '/prod/items/4' },
        { at: 2500, count: 2, path: '/prod/items/5?x=1' },
      ],
    });
    expect(lines.map((l) => [l.t, l.path, l.status, l.throttledBy])).toEqual([
      [0, '/prod/items/1', 200, null],
      [0, '/prod/items/1', 200, null],
      [0, '/prod/items/1', 429, 'stage'],
      [999, '/prod/items/2', 429, 'stage'],
      [1000, '/prod/items/3', 200, null],
      [1000, '/prod/items/4', 429, 'stage'],
      [2500, '/prod/items/5?x=1', 200, null],
      [2500, '/prod/items/5?x=1', 429, 'stage'],
    ]);
    expect(lines.filter((l) => l.status === 200).map((l) => l.latencyMs)).toEqual([10, 10, 10, 10]);
    expect(lines[0]!.body).toBe('item 1');
  });

  it('adds load with retries, and spreads them with jitter', () => {
    const base = {
      phases: [{ durationSeconds: 5, rate: 40 }],
      clients: [{ name: 'c', retry: { on: [429], maxAttempts: 4, baseDelayMs: 100, jitter: 'full' } }],
    };
    const { report, lines } = simulate(shopConfig({ rate: 10, burst: 5 }), steady(base));
    expect(report.totals.sent).toBeGreaterThan(200);
    expect(report.totals.retries).toBe(report.totals.sent - 200);
    expect(Math.max(...lines.map((l) => l.attempt))).toBe(4);
    expect(report.byClient['c']!.retries).toBe(report.totals.retries);
    const noRetry = simulate(shopConfig({ rate: 10, burst: 5 }), steady({ phases: base.phases })).report;
    expect(noRetry.totals.sent).toBe(200);
  });

  it('waits the exact exponential backoff without jitter', () => {
    const { lines } = simulate(shopConfig({ rate: 0.001, burst: 1 }), {
      formatVersion: 1,
      name: 'backoff',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [
        { at: 0, path: '/prod/items/1' },
        { at: 0, path: '/prod/items/1', client: 'c' },
      ],
      clients: [{ name: 'c', retry: { on: [429], maxAttempts: 4, baseDelayMs: 100, jitter: 'none' } }],
    });
    expect(lines.map((l) => [l.t, l.attempt, l.status])).toEqual([
      [0, 1, 200],
      [0, 1, 429],
      [100, 2, 429],
      [300, 3, 429],
      [700, 4, 429],
    ]);
  });

  it('runs a closed loop: each connection sends again rttMs after its response', () => {
    const { lines, report } = simulate(shopConfig(), {
      formatVersion: 1,
      name: 'closed',
      target: { apiId: 'shop', stage: 'prod' },
      concurrency: { connections: 2, durationSeconds: 0.1, rttMs: 5 },
      mix: [{ method: 'GET', path: '/items/1' }],
    });
    // Latency 10 + rtt 5: sends at 0, 15, 30, 45, 60, 75, 90 per connection.
    expect(lines.map((l) => l.t)).toEqual([0, 0, 15, 15, 30, 30, 45, 45, 60, 60, 75, 75, 90, 90]);
    expect(report.totals.sent).toBe(14);
  });

  it('stores a zero-latency miss before the next request at the same instant', () => {
    const cached = {
      formatVersion: 1,
      apis: [
        {
          id: 'shop',
          routes: [{ method: 'GET', path: '/items/{id}', integration: { type: 'MOCK', body: 'x' } }],
          stages: [{ name: 'prod', cacheClusterEnabled: true, methodSettings: { '*/*': { cachingEnabled: true } } }],
        },
      ],
    };
    const { lines } = simulate(cached, {
      formatVersion: 1,
      name: 'same instant',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [{ at: 0, count: 3, path: '/prod/items/1' }],
    });
    expect(lines.map((l) => l.cache)).toEqual(['MISS', 'HIT', 'HIT']);
  });

  it('sends concurrent misses for one key to the backend until the first completes', () => {
    const cached = shopConfig(undefined);
    cached.apis[0]!.stages[0] = {
      name: 'prod',
      cacheClusterEnabled: true,
      methodSettings: { '*/*': { cachingEnabled: true } },
    } as never;
    const { lines, report } = simulate(cached, {
      formatVersion: 1,
      name: 'stampede',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [
        { at: 0, count: 3, path: '/prod/items/1' },
        { at: 10, path: '/prod/items/1' },
      ],
    });
    expect(lines.map((l) => l.cache)).toEqual(['MISS', 'MISS', 'MISS', 'HIT']);
    expect(report.totals.integrationCalls).toBe(3);
  });

  it('reports bucket levels at the end of each second and quota usage', () => {
    const { report } = simulate(
      shopConfig({ rate: 10, burst: 5 }),
      steady({ phases: [{ durationSeconds: 2, rate: 5 }] }),
    );
    expect(report.series.map((p) => p.buckets['stage:shop/prod:GET /items/{id}'])).toEqual([5, 5]);
    expect(report.buckets['account']).toEqual({ rate: 10000, burst: 5000, level: 5000 });
    expect(report.durationSeconds).toBe(2);
    expect(report.startedAt).toBe('2026-03-10T10:00:00.000Z');
  });

  it('streams long runs in slices without keeping per-request state', () => {
    const run = new VirtualRun({
      config: config(shopConfig({ rate: 1000, burst: 100 })),
      scenario: scenario(steady({ phases: [{ durationSeconds: 100, rate: 2000 }] })),
    });
    let slices = 0;
    for (let t = 10_000; !run.advance(t); t += 10_000) slices++;
    // The last arrival's completion (10 ms later) lands in an eleventh slice.
    expect(slices).toBe(10);
    expect(run.recorder.sent).toBe(200_000);
    // The last responses go out in second 100, so the series covers 101 seconds.
    expect(run.recorder.series()).toHaveLength(101);
    expect(run.recorder.series()[100]!.sent).toBe(0);
  });
});

describe('VirtualRun over long idle stretches', () => {
  it('keeps only the seconds with traffic, so a month-long trace stays small', () => {
    const day = 86_400_000;
    const run = new VirtualRun({
      config: config(shopConfig({ rate: 1, burst: 2 })),
      scenario: scenario({
        formatVersion: 1,
        name: 'month',
        target: { apiId: 'shop', stage: 'prod' },
        trace: [
          { at: 0, count: 3, path: '/prod/items/1' },
          { at: 31 * day, count: 3, path: '/prod/items/1' },
        ],
      }),
    });
    expect(run.nextEventAt).toBe(0);
    let slices = 0;
    for (let until = 1000; !run.advance(until); slices++)
      until = Math.max(until + 1000, Math.floor(run.nextEventAt / 1000) * 1000 + 1000);
    expect(slices).toBeLessThan(10);
    const series = run.recorder.series();
    expect(series.map((p) => [p.t, p.sent, p.ok])).toEqual([
      [0, 3, 2],
      [31 * 86_400, 3, 2],
    ]);
    // Two of the three took the refilled burst; a second later one token has come back.
    expect(series[1]!.buckets['stage:shop/prod:GET /items/{id}']).toBe(1);
    expect(run.recorder.seriesBetween(1, 31 * 86_400)).toEqual([]);
  });
});

describe('VirtualRun integration timeouts', () => {
  it('answers 504 at the timeout when the modelled latency reaches it', () => {
    const slow = {
      formatVersion: 1,
      apis: [
        {
          id: 'shop',
          routes: [
            {
              method: 'GET',
              path: '/slow',
              integration: { type: 'HTTP_PROXY', uri: 'http://127.0.0.1:9/', timeoutInMillis: 500, latencyMs: 800 },
            },
            { method: 'GET', path: '/fast', integration: { type: 'LAMBDA', timeoutMs: 1000, latencyMs: 999 } },
          ],
          stages: [{ name: 'prod' }],
        },
      ],
    };
    const { lines } = simulate(slow, {
      formatVersion: 1,
      name: 'timeouts',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [
        { at: 0, path: '/prod/slow' },
        { at: 0, path: '/prod/fast' },
      ],
    });
    expect(lines.map((l) => [l.path, l.status, l.latencyMs, l.body])).toEqual([
      ['/prod/slow', 504, 500, '{"message":"Endpoint request timed out"}'],
      ['/prod/fast', 200, 999, ''],
    ]);
  });
});
