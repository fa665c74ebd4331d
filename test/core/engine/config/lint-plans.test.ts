import { describe, expect, it } from 'vitest';
import { restConfig } from './helpers.ts';
import { fired, planned } from './lint-helpers.ts';

const KEYED = [
  { method: 'GET', path: '/pets', apiKeyRequired: true },
  { method: 'POST', path: '/pets', apiKeyRequired: true },
];
const stageAt = (rate: number, burst: number) => [
  { name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: rate, throttlingBurstLimit: burst } } },
];
const config = (stageRate: number, stageBurst: number, plan: Record<string, unknown>, apiStage = {}) =>
  restConfig({ routes: KEYED, stages: stageAt(stageRate, stageBurst) }, planned(plan, apiStage));

describe('lint: usage-plan limits that never bind', () => {
  it('fires when the stage limits of the methods a plan covers add up to no more than the plan', () => {
    expect(fired('plan-never-binds', config(10, 20, { throttle: { rateLimit: 20, burstLimit: 40 } }))).toEqual([
      "usagePlans[0].throttle: never binds: the stage limits of the 2 key-required methods it covers add up to 20/s, burst 40, which is as tight or tighter, so a key never reaches the plan's limit — see README#token-buckets",
    ]);
  });

  it("fires for a per-method entry at or above that method's stage limit", () => {
    const entry = { throttle: { 'GET /pets': { rateLimit: 50, burstLimit: 100 } } };
    expect(fired('plan-never-binds', config(10, 20, {}, entry))).toEqual([
      'usagePlans[0].apiStages[0].throttle["GET /pets"]: never binds: every request it throttles also passes the stage\'s limit for GET /pets (10/s, burst 20), which is as tight or tighter — see README#token-buckets',
    ]);
  });

  it("doesn't fire when the plan is tighter on either field, or a method has no stage limit", () => {
    expect(fired('plan-never-binds', config(10, 20, { throttle: { rateLimit: 5, burstLimit: 10 } }))).toEqual([]);
    expect(fired('plan-never-binds', config(10, 20, { throttle: { rateLimit: 100, burstLimit: 39 } }))).toEqual([]);
    const open = restConfig(
      { routes: KEYED, stages: [{ name: 'prod' }] },
      planned({ throttle: { rateLimit: 1, burstLimit: 1 } }),
    );
    expect(fired('plan-never-binds', open)).toEqual([]);
    const entry = { throttle: { 'GET /pets': { rateLimit: 5, burstLimit: 100 } } };
    expect(fired('plan-never-binds', config(10, 20, {}, entry))).toEqual([]);
  });
});

describe('lint: key-required methods without a usage plan', () => {
  it('fires when no plan covers the stage', () => {
    expect(fired('key-without-plan', restConfig({ routes: KEYED, stages: [{ name: 'prod' }] }))).toEqual([
      'apis[0].stages[0]: routes require an API key, but no usage plan covers this stage, so they answer 403 — see README#requests-step-by-step',
    ]);
  });

  it("doesn't fire when a plan covers the stage", () => {
    expect(fired('key-without-plan', config(10, 20, {}))).toEqual([]);
  });
});
