import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../../../core/engine/gateway/gateway.ts';
import { burst, gatewayFrom, mock, restConfig, send } from './helpers.ts';
import { ALICE, DAVE, planConfig } from './plan-fixtures.ts';

/** A Tuesday. */
const START = Date.parse('2026-03-10T10:00:00Z');
const alice = { 'x-api-key': ALICE };

function quotaGateway(quota: Record<string, unknown>, extra: Record<string, unknown> = {}, startTime = START) {
  return gatewayFrom(planConfig({ plan: { throttle: { rateLimit: 0, burstLimit: 1000 }, quota, ...extra } }), {
    startTime,
  });
}

const usage = (gateway: Gateway, now: number, id = 'quota:free:alice') =>
  gateway.quotaUsage(now).find((q) => q.id === id);
const at = (iso: string) => Date.parse(iso);

describe('quota (SPEC §3 step 5, §9)', () => {
  it('answers an exhausted quota with 429 Limit Exceeded, naming the quota', () => {
    const gateway = quotaGateway({ limit: 2, period: 'DAY' });
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 2, START)).toEqual([200, 200]);
    const refused = send(gateway, { path: '/prod/pets', headers: alice }, START);
    expect(refused.response.status).toBe(429);
    expect(refused.response.body).toBe('{"message":"Limit Exceeded"}');
    expect(refused.response.headers['x-amzn-ErrorType']).toBe('LimitExceededException');
    expect(refused.response.headers['x-gatelab-throttled-by']).toBe('quota');
    expect(refused.outcome).toMatchObject({ throttledBy: 'quota', integrationCalled: false });
    expect(send(gateway, { path: '/prod/pets', headers: { 'x-api-key': DAVE } }, START).response.status).toBe(200);
  });

  it('resets a DAY quota at 00:00 UTC', () => {
    const gateway = quotaGateway({ limit: 1, period: 'DAY' });
    const status = (iso: string) => send(gateway, { path: '/prod/pets', headers: alice }, at(iso)).response.status;
    expect(status('2026-03-10T10:00:00Z')).toBe(200);
    expect(status('2026-03-10T23:59:59.999Z')).toBe(429);
    expect(status('2026-03-11T00:00:00Z')).toBe(200);
    expect(status('2026-03-11T12:00:00Z')).toBe(429);
  });

  it('starts WEEK periods on Monday', () => {
    const gateway = quotaGateway({ limit: 1, period: 'WEEK' });
    const status = (iso: string) => send(gateway, { path: '/prod/pets', headers: alice }, at(iso)).response.status;
    expect(usage(gateway, START)?.resetsAt).toBe(at('2026-03-16T00:00:00Z'));
    expect(status('2026-03-10T10:00:00Z')).toBe(200);
    expect(status('2026-03-15T23:59:59.999Z')).toBe(429); // Sunday
    expect(status('2026-03-16T00:00:00Z')).toBe(200); // Monday
    expect(usage(gateway, at('2026-03-16T00:00:00Z'))?.resetsAt).toBe(at('2026-03-23T00:00:00Z'));
  });

  it('uses calendar months', () => {
    const gateway = quotaGateway({ limit: 1, period: 'MONTH' }, {}, at('2026-02-20T00:00:00Z'));
    const status = (iso: string) => send(gateway, { path: '/prod/pets', headers: alice }, at(iso)).response.status;
    expect(usage(gateway, at('2026-02-20T00:00:00Z'))?.resetsAt).toBe(at('2026-03-01T00:00:00Z'));
    expect(status('2026-02-20T00:00:00Z')).toBe(200);
    expect(status('2026-02-28T23:59:59.999Z')).toBe(429);
    expect(status('2026-03-01T00:00:00Z')).toBe(200);
    expect(usage(gateway, at('2026-03-31T00:00:00Z'))).toMatchObject({ used: 1, resetsAt: at('2026-04-01T00:00:00Z') });
  });

  it('subtracts offset from the first period only: the one containing startTime', () => {
    const gateway = quotaGateway({ limit: 5, period: 'DAY', offset: 2 });
    expect(usage(gateway, START)).toMatchObject({ limit: 3, used: 0, remaining: 3 });
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 4, START)).toEqual([200, 200, 200, 429]);
    const nextDay = at('2026-03-11T08:00:00Z');
    expect(usage(gateway, nextDay)).toMatchObject({ limit: 5, used: 0, remaining: 5 });
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 6, nextDay)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('applies offset to the start period even when the first request comes later', () => {
    const gateway = quotaGateway({ limit: 5, period: 'DAY', offset: 2 });
    const later = at('2026-03-12T00:00:00Z');
    expect(usage(gateway, later)?.limit).toBe(5);
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 6, later).filter((s) => s === 200)).toHaveLength(5);
  });

  it("sums usage across the plan's stages", () => {
    const gateway = quotaGateway({ limit: 4, period: 'DAY' });
    burst(gateway, { path: '/prod/pets', headers: alice }, 2, START);
    burst(gateway, { path: '/beta/pets/1', headers: alice }, 2, START);
    expect(usage(gateway, START)).toMatchObject({ used: 4, remaining: 0 });
    expect(send(gateway, { path: '/beta/pets', headers: alice }, START).outcome.throttledBy).toBe('quota');
    expect(send(gateway, { path: '/prod/pets', headers: alice }, START).outcome.throttledBy).toBe('quota');
  });

  it('counts only throttle-admitted requests, whatever the backend returns', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [{ method: 'GET', path: '/x', apiKeyRequired: true, integration: mock('', { errorRate: 1 }) }],
        stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 2 } } }],
        usagePlans: [
          { id: 'free', quota: { limit: 100, period: 'DAY' }, apiStages: [{ apiId: 'pets', stage: 'prod' }] },
        ],
        apiKeys: [{ id: 'alice', value: ALICE, usagePlanIds: ['free'] }],
      }),
      { startTime: START },
    );
    expect(burst(gateway, { path: '/prod/x', headers: alice }, 5, START)).toEqual([500, 500, 429, 429, 429]);
    expect(usage(gateway, START)).toMatchObject({ used: 2, remaining: 98 });
  });

  it('spends the throttle tokens of a request refused by the quota', () => {
    const gateway = gatewayFrom(
      planConfig({
        plan: { throttle: { rateLimit: 0, burstLimit: 10 }, quota: { limit: 1, period: 'DAY' } },
        stageSettings: { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 10 } },
      }),
      { startTime: START },
    );
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 3, START)).toEqual([200, 429, 429]);
    const levels = Object.fromEntries(gateway.bucketLevels(START).map((b) => [b.id, b.level]));
    expect(levels['usagePlan:free:alice']).toBe(7);
    expect(levels['stage:pets/prod:GET /pets']).toBe(7);
    expect(levels['account']).toBe(4997);
  });

  it('reports used, remaining and resetsAt exactly', () => {
    const gateway = quotaGateway({ limit: 10, period: 'DAY', offset: 1 });
    burst(gateway, { path: '/prod/pets', headers: alice }, 4, START);
    expect(usage(gateway, START)).toEqual({
      id: 'quota:free:alice',
      planId: 'free',
      keyId: 'alice',
      limit: 9,
      period: 'DAY',
      used: 4,
      remaining: 5,
      resetsAt: at('2026-03-11T00:00:00Z'),
    });
    // One quota per key of the plan, whether or not the key is enabled.
    expect(gateway.quotaUsage(START).map((q) => q.id)).toEqual([
      'quota:free:alice',
      'quota:free:bob',
      'quota:free:dave',
    ]);
    expect(usage(gateway, at('2026-03-11T00:00:00Z'))).toMatchObject({ used: 0, remaining: 10 });
  });

  it('follows the calendar through epochMs when engine times are relative to the start', () => {
    const gateway = gatewayFrom(planConfig({ plan: { quota: { limit: 1, period: 'DAY' } } }), {
      startTime: 0,
      epochMs: START,
    });
    const midnight = at('2026-03-11T00:00:00Z') - START;
    expect(send(gateway, { path: '/prod/pets', headers: alice }, 0).response.status).toBe(200);
    expect(send(gateway, { path: '/prod/pets', headers: alice }, midnight - 1).response.status).toBe(429);
    expect(usage(gateway, 0)?.resetsAt).toBe(at('2026-03-11T00:00:00Z'));
    expect(send(gateway, { path: '/prod/pets', headers: alice }, midnight).response.status).toBe(200);
  });
});
