import { describe, expect, it } from 'vitest';
import { checkLayer, currentLimits, parseLayer, withLimits } from '../../../../core/engine/tuning/layer-limits.ts';
import { config, shopConfig } from '../sim/sim-helpers.ts';

const planned = config(
  shopConfig(
    { rate: 50, burst: 100 },
    {
      account: { throttlingRateLimit: 900, throttlingBurstLimit: 400 },
      usagePlans: [{ id: 'free', throttle: { rateLimit: 5 }, apiStages: [{ apiId: 'shop', stage: 'prod' }] }],
    },
  ),
);

describe('tuning layers', () => {
  it('parses every layer form and refuses others', () => {
    expect(parseLayer('account', 'shop')).toEqual({ kind: 'account' });
    expect(parseLayer('stage:prod', 'shop')).toEqual({ kind: 'stage', apiId: 'shop', stage: 'prod' });
    expect(parseLayer('method:prod:"GET /items/{id}"', 'shop')).toEqual({
      kind: 'method',
      apiId: 'shop',
      stage: 'prod',
      routeKey: 'GET /items/{id}',
    });
    expect(parseLayer('method:prod:GET /items/{id}', 'shop')).toMatchObject({ routeKey: 'GET /items/{id}' });
    expect(parseLayer('usagePlan:free', 'shop')).toEqual({ kind: 'usagePlan', planId: 'free' });
    expect(parseLayer('stage', 'shop')).toBe(
      '--layer: expected account, stage:STAGE, method:STAGE:"METHOD /path" or usagePlan:ID, got "stage"',
    );
    expect(checkLayer(planned, { kind: 'usagePlan', planId: 'pro' })).toBe('--layer: no usage plan "pro"');
    expect(checkLayer(planned, { kind: 'stage', apiId: 'shop', stage: 'dev' })).toBe(
      '--layer: no stage "dev" in API "shop"',
    );
  });

  it('reads current limits, a missing field taking the account value', () => {
    expect(currentLimits(planned, { kind: 'account' })).toEqual({ rate: 900, burst: 400 });
    expect(currentLimits(planned, { kind: 'stage', apiId: 'shop', stage: 'prod' })).toEqual({ rate: 50, burst: 100 });
    expect(
      currentLimits(planned, { kind: 'method', apiId: 'shop', stage: 'prod', routeKey: 'GET /items/{id}' }),
    ).toEqual({
      rate: 50,
      burst: 100,
    });
    expect(currentLimits(planned, { kind: 'usagePlan', planId: 'free' })).toEqual({ rate: 5, burst: 400 });
  });

  it('writes limits into a copy of the config', () => {
    const layer = { kind: 'method', apiId: 'shop', stage: 'prod', routeKey: 'GET /items/{id}' } as const;
    const next = withLimits(planned, layer, { rate: 7, burst: 3 });
    expect(next.apis[0]!.stages[0]!.methodSettings!['GET /items/{id}']).toEqual({
      throttlingRateLimit: 7,
      throttlingBurstLimit: 3,
    });
    expect(planned.apis[0]!.stages[0]!.methodSettings!['GET /items/{id}']).toBeUndefined();
    expect(
      withLimits(planned, { kind: 'usagePlan', planId: 'free' }, { rate: 1, burst: 2 }).usagePlans[0]!.throttle,
    ).toEqual({
      rateLimit: 1,
      burstLimit: 2,
    });
  });
});
