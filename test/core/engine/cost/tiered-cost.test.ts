import { describe, expect, it } from 'vitest';
import { tieredCost } from '../../../../core/engine/cost/tiered-cost.ts';
import { bundledPrices } from './prices.ts';

const M = 1_000_000;
const { REST, HTTP } = bundledPrices().requestTiers;

describe('tieredCost: REST tiers ($3.50/M to 333M, $2.80/M to 1B, $2.38/M to 20B, then $1.51/M)', () => {
  it.each([
    ['nothing', 0, 0],
    ['one request', 1, 3.5 / M],
    ['one million', M, 3.5],
    ['exactly 333M: all in the first tier', 333 * M, 333 * 3.5],
    ['333M + 1: the one request above is at $2.80/M', 333 * M + 1, 333 * 3.5 + 2.8 / M],
    ['exactly 1B: the second tier is full', 1000 * M, 333 * 3.5 + 667 * 2.8],
    ['1B + 1', 1000 * M + 1, 333 * 3.5 + 667 * 2.8 + 2.38 / M],
    ['exactly 20B: the third tier is full', 20_000 * M, 333 * 3.5 + 667 * 2.8 + 19_000 * 2.38],
    ['20B + 1M: the rest at $1.51/M', 20_001 * M, 333 * 3.5 + 667 * 2.8 + 19_000 * 2.38 + 1.51],
  ])('%s', (_what, requests, dollars) => {
    expect(tieredCost(requests, REST)).toBeCloseTo(dollars, 9);
  });

  it('is $1165.50 at 333M, $3033.10 at 1B and $48,253.10 at 20B', () => {
    expect(tieredCost(333 * M, REST)).toBeCloseTo(1165.5, 9);
    expect(tieredCost(1000 * M, REST)).toBeCloseTo(3033.1, 9);
    expect(tieredCost(20_000 * M, REST)).toBeCloseTo(48_253.1, 6);
  });
});

describe('tieredCost: HTTP API tiers ($1.00/M to 300M, then $0.90/M)', () => {
  it.each([
    ['exactly 300M', 300 * M, 300],
    ['300M + 1', 300 * M + 1, 300 + 0.9 / M],
    ['400M', 400 * M, 300 + 90],
  ])('%s', (_what, requests, dollars) => {
    expect(tieredCost(requests, HTTP)).toBeCloseTo(dollars, 9);
  });

  it('treats a negative count as nothing', () => {
    expect(tieredCost(-5, HTTP)).toBe(0);
  });
});
