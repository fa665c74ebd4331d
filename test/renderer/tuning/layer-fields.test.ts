import { describe, expect, it } from 'vitest';
import { fieldPath, fieldsFor, sliderMax, withFields } from '../../../renderer/tuning/layer-fields.ts';
import { layerOptions } from '../../../renderer/tuning/layers.ts';
import { curveAnnotations, curveDatasets, parseGoal } from '../../../renderer/tuning/curve.ts';
import { loadedExample } from '../support/fixtures.ts';

const petstore = loadedExample('petstore.gatelab.json').value as never as Parameters<typeof layerOptions>[0];
const prod = { kind: 'stage', apiId: 'petstore', stage: 'prod' } as const;
const getPet = { kind: 'method', apiId: 'petstore', stage: 'prod', routeKey: 'GET /pets/{id}' } as const;

const values = (layer: Parameters<typeof fieldsFor>[1]) =>
  Object.fromEntries(fieldsFor(petstore, layer).map((f) => [f.field, [f.value, f.source]]));

describe('tunable layers and their fields', () => {
  it('lists the account, each stage, each method a stage serves, and each usage plan', () => {
    expect(layerOptions(petstore).map((o) => o.label)).toEqual([
      'Account',
      'Stage prod · all methods (*/*)',
      'Stage prod · GET /pets',
      'Stage prod · GET /pets/{id}',
      'Stage prod · POST /pets',
      'Stage dev · all methods (*/*)',
      'Stage dev · GET /pets',
      'Stage dev · GET /pets/{id}',
      'Stage dev · POST /pets',
      'Usage plan Free (per key)',
      'Usage plan Pro (per key)',
    ]);
  });

  it('pre-fills each field with what is in force, saying where an inherited value comes from', () => {
    expect(values({ kind: 'account' })).toEqual({ rate: [10_000, null], burst: [5000, null] });
    expect(values(prod)).toEqual({ rate: [100, null], burst: [200, null], ttl: [300, null] });
    expect(values(getPet)).toEqual({ rate: [80, null], burst: [160, null], ttl: [300, 'from "*/*"'] });
    expect(values({ ...getPet, routeKey: 'POST /pets' })).toMatchObject({ rate: [100, 'from "*/*"'] });
    expect(values({ ...prod, stage: 'dev' })).toEqual({ rate: [10, null], burst: [20, null] });
    expect(values({ kind: 'usagePlan', planId: 'free' })).toEqual({
      rate: [5, null],
      burst: [10, null],
      quota: [1000, null],
    });
  });

  it('writes fields at the layer only, rounding what must be whole, and names their JSON paths', () => {
    const next = withFields(petstore, getPet, { rate: 12.5, burst: 7.6, ttl: 60 });
    expect(next.apis[0]!.stages[0]!.methodSettings!['GET /pets/{id}']).toEqual({
      throttlingRateLimit: 12.5,
      throttlingBurstLimit: 8,
      cacheTtlInSeconds: 60,
    });
    expect(next.apis[0]!.stages[0]!.methodSettings!['*/*']).toEqual(
      petstore.apis[0]!.stages[0]!.methodSettings!['*/*'],
    );
    expect(petstore.apis[0]!.stages[0]!.methodSettings!['GET /pets/{id}']).toEqual({
      throttlingRateLimit: 80,
      throttlingBurstLimit: 160,
    });
    expect(withFields(petstore, { kind: 'usagePlan', planId: 'pro' }, { quota: 5 }).usagePlans[1]!.quota!.limit).toBe(
      5,
    );
    expect(fieldPath(petstore, prod, 'rate')).toEqual([
      'apis',
      0,
      'stages',
      0,
      'methodSettings',
      '*/*',
      'throttlingRateLimit',
    ]);
    expect(fieldPath(petstore, { kind: 'usagePlan', planId: 'pro' }, 'burst')).toEqual([
      'usagePlans',
      1,
      'throttle',
      'burstLimit',
    ]);
    expect(fieldPath(petstore, { kind: 'account' }, 'ttl')).toBeNull();
    expect(fieldPath(petstore, { ...prod, stage: 'gone' }, 'rate')).toBeNull();
  });

  it('gives sliders room to double the value, on round numbers', () => {
    expect([1, 20, 100, 300, 10_000].map(sliderMax)).toEqual([10, 50, 200, 1000, 20_000]);
  });
});

describe('the recommender curve', () => {
  it('plots the goal against the rate at the starting burst, with the goal as a flat line', () => {
    expect(parseGoal('throttledRatio <= 0.01')).toEqual({ name: 'throttledRatio', threshold: 0.01 });
    const points = [
      { rate: 100, burst: 5, value: 0, met: true },
      { rate: 50, burst: 5, value: 0.4, met: false },
      { rate: 100, burst: 2, value: 0.1, met: false },
    ];
    const [curve, goal] = curveDatasets(points, 'throttledRatio<=0.01');
    expect(curve!.data).toEqual([
      { x: 50, y: 0.4 },
      { x: 100, y: 0 },
    ]);
    expect(goal!.data).toEqual([
      { x: 50, y: 0.01 },
      { x: 100, y: 0.01 },
    ]);
    expect(curveAnnotations(null)).toEqual([]);
  });
});
