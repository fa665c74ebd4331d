import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomStream, type RandomSource } from '../../../../core/engine/random/random-source.ts';
import { retryDelayMs, shouldRetry } from '../../../../core/engine/scenario/retry.ts';
import type { JitterKind, RetryPolicy } from '../../../../core/engine/scenario/schema.ts';

const policy = (jitter: JitterKind, extra: Partial<RetryPolicy> = {}): RetryPolicy => ({
  on: [429],
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  jitter,
  ...extra,
});
const fixed = (u: number): RandomSource => ({ next: () => u, nextUint32: () => 0 });

describe('retryDelayMs', () => {
  it('doubles from baseDelayMs and caps at maxDelayMs without jitter', () => {
    const none = policy('none', { maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(none, n, fixed(0.5)))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(retryDelayMs(policy('none'), 60, fixed(0))).toBe(20_000);
    expect(retryDelayMs(policy('none', { baseDelayMs: 0 }), 2000, fixed(0))).toBe(0);
  });

  it('maps the draw onto U[0, d) for full and d/2 + U[0, d/2) for equal jitter', () => {
    expect(retryDelayMs(policy('full'), 3, fixed(0))).toBe(0);
    expect(retryDelayMs(policy('full'), 3, fixed(0.25))).toBe(100);
    expect(retryDelayMs(policy('equal'), 3, fixed(0))).toBe(200);
    expect(retryDelayMs(policy('equal'), 3, fixed(0.5))).toBe(300);
  });

  it('stays within each jitter kind’s bounds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<JitterKind>('full', 'equal', 'none'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (jitter, n, baseDelayMs, maxDelayMs, seed) => {
          const d = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
          const wait = retryDelayMs(policy(jitter, { baseDelayMs, maxDelayMs }), n, randomStream(seed, 'retry'));
          if (jitter === 'none') expect(wait).toBe(d);
          else {
            expect(wait).toBeGreaterThanOrEqual(jitter === 'equal' ? d / 2 : 0);
            expect(wait === 0 || wait < d).toBe(true);
          }
          expect(wait).toBeLessThanOrEqual(maxDelayMs);
        },
      ),
    );
  });

  it('averages d/2 under full jitter', () => {
    const random = randomStream(1, 'retry');
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += retryDelayMs(policy('full'), 1, random);
    // U[0, 100) has mean 50 and sd 100/√12; the mean of 10,000 draws has sd ≈ 0.29.
    expect(Math.abs(sum / 10_000 - 50)).toBeLessThan(3 * (100 / Math.sqrt(12) / 100));
  });
});

describe('shouldRetry', () => {
  it('retries listed statuses while attempts remain, counting the first attempt', () => {
    const p = policy('none', { on: [429, 503], maxAttempts: 3 });
    expect(shouldRetry(p, 429, 1)).toBe(true);
    expect(shouldRetry(p, 503, 2)).toBe(true);
    expect(shouldRetry(p, 429, 3)).toBe(false);
    expect(shouldRetry(p, 500, 1)).toBe(false);
    expect(shouldRetry(policy('none', { maxAttempts: 1 }), 429, 1)).toBe(false);
    expect(shouldRetry(null, 429, 1)).toBe(false);
  });
});
