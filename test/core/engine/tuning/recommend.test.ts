import { describe, expect, it } from 'vitest';
import { parseAssertion, type Assertion } from '../../../../core/engine/run/assertions.ts';
import { recommendLimits, roundUpRate } from '../../../../core/engine/tuning/recommend.ts';
import { runTotals } from '../../../../core/engine/tuning/evaluate.ts';
import { withLimits } from '../../../../core/engine/tuning/layer-limits.ts';
import { config, scenario, shopConfig } from '../sim/sim-helpers.ts';

function goal(text: string): Assertion {
  const parsed = parseAssertion(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const uniform = (rate: number, seconds: number) =>
  scenario({
    formatVersion: 1,
    name: 'uniform',
    target: { apiId: 'shop', stage: 'prod' },
    phases: [{ durationSeconds: seconds, rate }],
    mix: [{ method: 'GET', path: '/items/1' }],
  });

const stageLayer = { kind: 'stage', apiId: 'shop', stage: 'prod' } as const;

describe('recommendLimits', () => {
  it.each([
    [50, 1],
    [50, 3],
    [20, 1],
    [20, 5],
    [7.5, 2],
  ])('finds rate r for uniform arrivals at r rps (r = %s, burst %s), then burst 1', (rate, burst) => {
    // Over 600 s the cushion a burst b gives, (b − 1)/(n − 1) of the rate, is below the 3-digit resolution.
    const result = recommendLimits({
      config: config(shopConfig({ rate: 1000, burst })),
      scenario: uniform(rate, 600),
      layer: stageLayer,
      goal: goal('throttled==0'),
      curvePoints: 4,
    });
    expect(result.limits).toEqual({ rate, burst: 1 });
    expect(result.value).toBe(0);
    expect(result.before).toEqual({ rate: 1000, burst });
    // Just below r, a bucket that starts with one token runs dry.
    const below = runTotals(
      withLimits(config(shopConfig()), stageLayer, { rate: rate * 0.99, burst: 1 }),
      uniform(rate, 600),
    );
    expect(below.throttled).toBeGreaterThan(0);
  });

  it('trades rate for burst when a finite run lets a burst absorb the excess', () => {
    // 10 s at 100 rps = 1000 arrivals; with burst 201 the bucket may lose 0.2 token per arrival: 80 rps suffices.
    const result = recommendLimits({
      config: config(shopConfig({ rate: 1000, burst: 201 })),
      scenario: uniform(100, 10),
      layer: stageLayer,
      goal: goal('throttled==0'),
      curvePoints: 0,
    });
    expect(result.limits!.rate).toBeCloseTo(80, 0);
    expect(result.limits!.burst).toBeLessThanOrEqual(201);
    expect(result.value).toBe(0);
  });

  it('meets a ratio goal and reports the goal-versus-rate curve', () => {
    const result = recommendLimits({
      config: config(shopConfig({ rate: 5, burst: 5 })),
      scenario: uniform(40, 60),
      layer: stageLayer,
      goal: goal('throttledRatio<=0.25'),
      curvePoints: 5,
    });
    // 25% throttled allowed: a sustained rate of 30 rps, less what the burst absorbs.
    expect(result.limits!.rate).toBeGreaterThan(29);
    expect(result.limits!.rate).toBeLessThanOrEqual(30);
    expect(result.value).toBeLessThanOrEqual(0.25);
    expect(result.curve.length).toBeGreaterThan(5);
    const rates = result.curve.map((p) => p.rate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(result.curve.every((p) => p.met === p.value <= 0.25)).toBe(true);
  });

  it('says when no rate at this layer can meet the goal', () => {
    const result = recommendLimits({
      config: config(
        shopConfig({ rate: 10, burst: 5 }, { account: { throttlingRateLimit: 10, throttlingBurstLimit: 5 } }),
      ),
      scenario: uniform(40, 5),
      layer: stageLayer,
      goal: goal('throttled==0'),
    });
    expect(result.limits).toBeNull();
    expect(result.config).toBeNull();
    expect(result.note).toMatch(/another layer, or the scenario itself, limits it$/);
  });

  it('rounds rates up to three significant digits', () => {
    expect(roundUpRate(49.98)).toBe(50);
    expect(roundUpRate(1234.1)).toBe(1240);
    expect(roundUpRate(0.12341)).toBe(0.124);
    expect(roundUpRate(50)).toBe(50);
    expect(roundUpRate(0)).toBe(0);
  });
});
