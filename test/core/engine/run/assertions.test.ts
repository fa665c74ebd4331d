import { describe, expect, it } from 'vitest';
import {
  ASSERTION_NAMES,
  evaluate,
  observe,
  parseAssertion,
  type Assertion,
} from '../../../../core/engine/run/assertions.ts';
import { emptyCounters } from '../../../../core/engine/run/counters.ts';
import type { Totals } from '../../../../core/engine/run/report-types.ts';

const totals: Totals = {
  ...emptyCounters(),
  sent: 200,
  ok: 150,
  throttled: 30,
  throttledBy: { usagePlan: 10, stage: 15, account: 5 },
  quotaExceeded: 10,
  forbidden: 4,
  notFound: 6,
  serverErrors: 2,
  cacheHits: 60,
  cacheMisses: 20,
  latencyMs: { p50: 12, p90: 80, p99: 240, max: 900 },
};

function parsed(expression: string): Assertion {
  const result = parseAssertion(expression);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('assertions', () => {
  it('computes the ratios of SPEC §8', () => {
    expect(observe(totals, 'throttledRatio')).toBe(0.15);
    expect(observe(totals, 'quotaRatio')).toBe(0.05);
    expect(observe(totals, 'rejectedRatio')).toBe((30 + 10 + 4 + 6) / 200);
    expect(observe(totals, 'errorRatio')).toBe(0.01);
    expect(observe(totals, 'okRatio')).toBe(0.75);
    expect(observe(totals, 'cacheHitRatio')).toBe(0.75);
    expect(observe(totals, 'p99')).toBe(240);
    expect(observe(totals, 'throttledBy.stage')).toBe(15);
    expect(observe(totals, 'latencyMs.max')).toBe(900);
  });

  it('treats ratios over nothing as 0', () => {
    expect(observe({ ...totals, sent: 0, cacheHits: 0, cacheMisses: 0 }, 'throttledRatio')).toBe(0);
    expect(observe({ ...totals, cacheHits: 0, cacheMisses: 0 }, 'cacheHitRatio')).toBe(0);
  });

  it.each([
    ['throttledRatio<0.2', true],
    ['throttledRatio < 0.15', false],
    ['throttledRatio<=0.15', true],
    ['p99>240', false],
    ['p99>=240', true],
    ['sent==200', true],
    ['cacheHitRatio>=0.8', false],
  ])('%s → %s', (expression, ok) => {
    const result = evaluate(parsed(expression), totals);
    expect(result.ok).toBe(ok);
    expect(result.expression).toBe(expression);
  });

  it('names what it saw', () => {
    expect(evaluate(parsed('p99<100'), totals)).toEqual({ expression: 'p99<100', ok: false, observed: 240 });
  });

  it('refuses unknown names, missing operators and non-numbers with a clear message', () => {
    expect(parseAssertion('speed<3')).toMatch(/^"speed<3": unknown name "speed" \(known: sent, ok, /);
    expect(parseAssertion('p99')).toBe('"p99": expected NAME<VALUE, with one of < <= > >= ==');
    expect(parseAssertion('p99<fast')).toBe('"p99<fast": expected a number after <, got "fast"');
    expect(parseAssertion('p99<')).toBe('"p99<": expected a number after <, got ""');
    expect(parseAssertion('ok<1<2')).toBe('"ok<1<2": expected a number after <, got "1<2"');
    expect(parseAssertion('<5')).toBe('"<5": expected NAME<VALUE, with one of < <= > >= ==');
  });

  it('knows every totals field and derived name', () => {
    expect(ASSERTION_NAMES).toContain('throttledBy.usagePlan');
    expect(ASSERTION_NAMES).toContain('retries');
    for (const name of ASSERTION_NAMES) expect(typeof observe(totals, name)).toBe('number');
  });
});
