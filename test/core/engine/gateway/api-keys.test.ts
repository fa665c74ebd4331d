import { describe, expect, it } from 'vitest';
import { burst, gatewayFrom, send } from './helpers.ts';
import { ALICE, BOB, CAROL, DAVE, planConfig } from './plan-fixtures.ts';

const levelOf = (gateway: ReturnType<typeof gatewayFrom>, id: string, now = 0) =>
  gateway.bucketLevels(now).find((b) => b.id === id)?.level;

describe('API keys (SPEC §3 step 3)', () => {
  const gateway = gatewayFrom(planConfig());

  it.each([
    ['missing', {}],
    ['unknown', { 'x-api-key': 'nobody-0123456789abcdef' }],
    ['disabled', { 'x-api-key': BOB }],
    ['in no plan', { 'x-api-key': CAROL }],
  ])('refuses a %s key with 403 Forbidden', (_, headers: Record<string, string>) => {
    const result = send(gateway, { path: '/prod/pets', headers });
    expect(result.response.status).toBe(403);
    expect(result.response.body).toBe('{"message":"Forbidden"}');
    expect(result.response.headers['x-amzn-ErrorType']).toBe('ForbiddenException');
    expect(result.outcome).toMatchObject({ routeKey: 'GET /pets', throttledBy: null, integrationCalled: false });
  });

  it("refuses a key whose plans don't cover this stage", () => {
    expect(send(gateway, { path: '/other/pets', headers: { 'x-api-key': ALICE } }).response.status).toBe(403);
    expect(send(gateway, { path: '/beta/pets', headers: { 'x-api-key': ALICE } }).response.status).toBe(200);
  });

  it('reads the key from the x-api-key header (names arrive lower-cased)', () => {
    expect(send(gateway, { path: '/prod/pets', headers: { 'x-api-key': ALICE } }).response.status).toBe(200);
  });

  it('lets methods without apiKeyRequired bypass the key, the plan throttle and the quota', () => {
    const fresh = gatewayFrom(planConfig({ plan: { quota: { limit: 1, period: 'DAY' } } }));
    expect(burst(fresh, { path: '/prod/public' }, 20).every((s) => s === 200)).toBe(true);
    expect(burst(fresh, { path: '/prod/public', headers: { 'x-api-key': ALICE } }, 20).every((s) => s === 200)).toBe(
      true,
    );
    expect(levelOf(fresh, 'usagePlan:free:alice')).toBe(10);
    expect(fresh.quotaUsage(0).find((q) => q.id === 'quota:free:alice')?.used).toBe(0);
  });
});

describe('usage plan throttle (SPEC §3 step 4, §9 bucket ids)', () => {
  const alice = { 'x-api-key': ALICE };

  it('gives each key one plan bucket across all of the plan stages and methods', () => {
    const gateway = gatewayFrom(planConfig());
    burst(gateway, { path: '/prod/pets', headers: alice }, 4);
    burst(gateway, { path: '/beta/pets', headers: alice }, 3);
    burst(gateway, { path: '/beta/pets/1', headers: alice }, 2);
    expect(levelOf(gateway, 'usagePlan:free:alice')).toBe(1);
    expect(levelOf(gateway, 'usagePlan:free:dave')).toBe(10);
    expect(burst(gateway, { path: '/beta/pets', headers: alice }, 2)).toEqual([200, 429]);
    const refused = send(gateway, { path: '/prod/pets', headers: alice });
    expect(refused.outcome.throttledBy).toBe('usagePlan');
    expect(refused.response.headers['x-gatelab-throttled-by']).toBe('usagePlan');
    expect(send(gateway, { path: '/prod/pets', headers: { 'x-api-key': DAVE } }).response.status).toBe(200);
  });

  it("replaces the plan throttle with the plan's per-method entry", () => {
    const gateway = gatewayFrom(planConfig());
    expect(burst(gateway, { path: '/prod/pets/1', headers: alice }, 3)).toEqual([200, 200, 429]);
    expect(levelOf(gateway, 'usagePlan:free:alice:pets/prod:GET /pets/{id}')).toBe(0);
    expect(levelOf(gateway, 'usagePlan:free:alice')).toBe(10);
    // The entry is for prod only: beta's GET /pets/{id} uses the plan throttle.
    expect(burst(gateway, { path: '/beta/pets/1', headers: alice }, 3)).toEqual([200, 200, 200]);
    expect(levelOf(gateway, 'usagePlan:free:alice')).toBe(7);
  });

  it('names the first empty bucket in the order usagePlan → stage → account', () => {
    const stageSettings = { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 1 } };
    const gateway = gatewayFrom(planConfig({ stageSettings, plan: { throttle: { rateLimit: 0, burstLimit: 1 } } }));
    send(gateway, { path: '/prod/pets', headers: alice });
    // Now both the plan bucket and the stage bucket are empty: the plan is named.
    expect(send(gateway, { path: '/prod/pets', headers: alice }).outcome.throttledBy).toBe('usagePlan');
    // Dave's plan bucket is full, the stage bucket is empty.
    expect(send(gateway, { path: '/prod/pets', headers: { 'x-api-key': DAVE } }).outcome.throttledBy).toBe('stage');

    const accountBound = gatewayFrom(
      planConfig({ stageSettings, account: { throttlingRateLimit: 0, throttlingBurstLimit: 1 } }),
    );
    send(accountBound, { path: '/prod/pets', headers: alice });
    expect(send(accountBound, { path: '/prod/pets', headers: alice }).outcome.throttledBy).toBe('stage');
    expect(send(accountBound, { path: '/beta/pets', headers: alice }).outcome.throttledBy).toBe('account');
  });

  it('is all-or-nothing: a request throttled at the stage takes no plan or account token', () => {
    const stageSettings = { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 2 } };
    const gateway = gatewayFrom(
      planConfig({ stageSettings, account: { throttlingRateLimit: 0, throttlingBurstLimit: 100 } }),
    );
    const results = Array.from({ length: 5 }, () => send(gateway, { path: '/prod/pets', headers: alice }));
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 429, 429, 429]);
    expect(results.map((r) => r.outcome.throttledBy)).toEqual([null, null, 'stage', 'stage', 'stage']);
    expect(levelOf(gateway, 'usagePlan:free:alice')).toBe(8);
    expect(levelOf(gateway, 'stage:pets/prod:GET /pets')).toBe(0);
    expect(levelOf(gateway, 'account')).toBe(98);
  });

  it('takes no plan or stage token for a request the account refuses', () => {
    const stageSettings = { '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 5 } };
    const gateway = gatewayFrom(
      planConfig({ stageSettings, account: { throttlingRateLimit: 0, throttlingBurstLimit: 1 } }),
    );
    expect(burst(gateway, { path: '/prod/pets', headers: alice }, 3)).toEqual([200, 429, 429]);
    expect(levelOf(gateway, 'usagePlan:free:alice')).toBe(9);
    expect(levelOf(gateway, 'stage:pets/prod:GET /pets')).toBe(4);
  });
});
