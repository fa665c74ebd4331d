import { describe, expect, it } from 'vitest';
import { estimateCost, MONTH_SECONDS } from '../../../../core/engine/cost/estimate-cost.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { emptyCounters } from '../../../../core/engine/run/counters.ts';
import type { RouteTotals } from '../../../../core/engine/run/report-types.ts';
import { bundledPrices } from './prices.ts';

const M = 1_000_000;
const prices = bundledPrices();

function config(apis: unknown[]): GatewayConfig {
  const parsed = parseConfig({ formatVersion: 1, apis });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const rest = (id: string, stages: unknown[] = [{ name: 'prod' }]) => ({
  id,
  routes: [{ method: 'GET', path: '/x' }],
  stages,
});
const http = (id: string) => ({
  id,
  protocol: 'HTTP',
  routes: [{ method: 'GET', path: '/x' }],
  stages: [{ name: '$default' }],
});

function route(apiId: string | null, counts: Partial<RouteTotals> = {}): RouteTotals {
  const latencyMs = { p50: 0, p90: 0, p99: 0, max: 0 };
  return { ...emptyCounters(), latencyMs, apiId, stage: 'prod', routeKey: 'GET /x', ...counts };
}

describe('estimateCost', () => {
  it('bills a 30-day run as it is: 333M REST requests cost $1165.50, one more adds $2.80/M', () => {
    const c = config([rest('a')]);
    const at = (sent: number) =>
      estimateCost({ config: c, durationSeconds: MONTH_SECONDS, byRoute: [route('a', { sent })] }, prices);
    expect(at(333 * M)).toMatchObject({ factor: 1, monthlyRequests: { REST: 333 * M, HTTP: 0, total: 333 * M } });
    expect(at(333 * M).requestCost.REST).toBeCloseTo(1165.5, 9);
    expect(at(333 * M + 1).requestCost.REST).toBeCloseTo(1165.5 + 2.8 / M, 9);
  });

  it('extrapolates at the run average: 1M requests in 2,592 s are 1B a month, 20M are 20B', () => {
    const c = config([rest('a')]);
    const at = (sent: number) =>
      estimateCost({ config: c, durationSeconds: 2592, byRoute: [route('a', { sent })] }, prices);
    expect(at(M).factor).toBe(1000);
    expect(at(M).monthlyRequests.REST).toBe(1000 * M);
    expect(at(M).requestCost.REST).toBeCloseTo(3033.1, 9);
    expect(at(20 * M).requestCost.REST).toBeCloseTo(48_253.1, 6);
    expect(at(20 * M + 1).monthlyRequests.REST).toBe(20_000 * M + 1000);
  });

  it('prices HTTP APIs on their own tiers: 300M cost $300, above that $0.90/M', () => {
    const c = config([http('h')]);
    const at = (sent: number) =>
      estimateCost({ config: c, durationSeconds: MONTH_SECONDS, byRoute: [route('h', { sent })] }, prices);
    expect(at(300 * M).requestCost).toEqual({ REST: 0, HTTP: 300, total: 300 });
    expect(at(301 * M).requestCost.HTTP).toBeCloseTo(300.9, 9);
  });

  it("doesn't bill throttled, quota-limited or forbidden requests, nor requests that matched no API", () => {
    const byRoute = [
      route('a', { sent: 100, throttled: 20, quotaExceeded: 10, forbidden: 5 }),
      route(null, { sent: 50 }),
    ];
    const cost = estimateCost({ config: config([rest('a')]), durationSeconds: MONTH_SECONDS, byRoute }, prices);
    expect(cost.perApi[0]).toMatchObject({ apiId: 'a', runRequests: 65, monthlyRequests: 65 });
    expect(cost.monthlyRequests.total).toBe(65);
  });

  it('fills the tiers with all APIs of a protocol and splits the cost by volume', () => {
    const c = config([rest('a'), rest('b'), http('h')]);
    const byRoute = [route('a', { sent: 300 * M }), route('b', { sent: 100 * M }), route('h', { sent: 10 * M })];
    const cost = estimateCost({ config: c, durationSeconds: MONTH_SECONDS, byRoute }, prices);
    const restCost = 333 * 3.5 + 67 * 2.8;
    expect(cost.requestCost.REST).toBeCloseTo(restCost, 9);
    expect(cost.requestCost.total).toBeCloseTo(restCost + 10, 9);
    expect(cost.perApi.map((a) => a.requestCost)).toEqual([
      expect.closeTo(restCost * 0.75, 6),
      expect.closeTo(restCost * 0.25, 6),
      expect.closeTo(10, 9),
    ]);
  });

  it.each([
    ['0.5', 0.02],
    ['1.6', 0.038],
    ['6.1', 0.2],
    ['13.5', 0.25],
    ['28.4', 0.5],
    ['58.2', 1],
    ['118', 1.9],
    ['237', 3.8],
  ])('bills a %s GB cache cluster at $%s an hour for 730 hours', (size, hourly) => {
    const c = config([rest('a', [{ name: 'prod', cacheClusterEnabled: true, cacheClusterSize: size }])]);
    const cost = estimateCost({ config: c, durationSeconds: 60, byRoute: [] }, prices);
    expect(cost.perApi[0]?.cacheStages).toEqual([
      { stage: 'prod', size, hourly, monthly: expect.closeTo(hourly * 730, 9) },
    ]);
    expect(cost.cacheCost).toBeCloseTo(hourly * 730, 9);
    expect(cost.total).toBeCloseTo(hourly * 730, 9);
  });

  it('bills each stage with a cache cluster, defaulting to 0.5 GB, and none without', () => {
    const stages = [
      { name: 'a', cacheClusterEnabled: true },
      { name: 'b', cacheClusterEnabled: false },
      { name: 'c', cacheClusterEnabled: true, cacheClusterSize: '1.6' },
    ];
    const cost = estimateCost({ config: config([rest('a', stages)]), durationSeconds: 60, byRoute: [] }, prices);
    expect(cost.perApi[0]?.cacheStages.map((s) => [s.stage, s.size])).toEqual([
      ['a', '0.5'],
      ['c', '1.6'],
    ]);
    expect(cost.cacheCost).toBeCloseTo(14.6 + 27.74, 9);
  });

  it('gives a zero-length run a zero factor: no requests a month, only the cache', () => {
    const c = config([rest('a', [{ name: 'prod', cacheClusterEnabled: true }])]);
    const cost = estimateCost(
      { config: c, durationSeconds: 0, byRoute: [route('a', { sent: 5, cacheHits: 3 })] },
      prices,
    );
    expect(cost).toMatchObject({
      factor: 0,
      monthlyRequests: { total: 0 },
      requestCost: { total: 0 },
      cacheSavedCalls: 0,
    });
    expect(cost.total).toBeCloseTo(14.6, 9);
    expect(cost.perApi[0]).toMatchObject({ runRequests: 5, monthlyRequests: 0, requestCost: 0, cacheSavedCalls: 0 });
  });

  it('counts the backend calls the cache saves, priced only when the user gives a backend cost', () => {
    const input = {
      config: config([rest('a')]),
      durationSeconds: 2592,
      byRoute: [route('a', { sent: 10, cacheHits: 4 })],
    };
    expect(estimateCost(input, prices)).toMatchObject({ cacheSavedCalls: 4000, backendSavings: null });
    expect(estimateCost(input, prices, { backendCostPerMillion: 250 }).backendSavings).toEqual({
      perMillion: 250,
      monthly: 1,
    });
  });

  it('notes what the free tier would be worth without deducting it', () => {
    const c = config([rest('a'), http('h')]);
    const byRoute = [route('a', { sent: 5 * M }), route('h', { sent: 300 })];
    const cost = estimateCost({ config: c, durationSeconds: MONTH_SECONDS, byRoute }, prices);
    expect(cost.freeTierNote).toBe(
      "Not deducted: in an account's first 12 months the AWS free tier covers 1,000,000 REST and 1,000,000 HTTP API calls a month, worth $3.50 at this volume.",
    );
    expect(cost.total).toBeCloseTo(5 * 3.5 + 300 / M, 9);
    expect(cost).toMatchObject({ pricesDate: prices.date, region: 'us-east-1', currency: 'USD' });
  });
});
