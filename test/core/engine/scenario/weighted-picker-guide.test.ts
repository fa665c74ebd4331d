import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../../../core/engine/random/random-source.ts';
import { WeightedPicker } from '../../../../core/engine/scenario/weighted-picker.ts';

const fixed = (u: number): RandomSource => ({ next: () => u, nextUint32: () => 0 });

/** The first index whose cumulative weight exceeds u·total, by a plain binary search: what the guide must match. */
function plainPick(weights: readonly number[], u: number): number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  const target = u * sum;
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe('WeightedPicker guide table (32 weights and more)', () => {
  it('picks exactly what a plain binary search picks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e9, noNaN: true })), {
          minLength: 32,
          maxLength: 300,
          size: 'max',
        }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (weights, draws) => {
          fc.pre(weights.some((w) => w > 0));
          const picker = new WeightedPicker(weights);
          for (const u of [...draws, 0, 1 - 2 ** -53]) expect(picker.pick(fixed(u))).toBe(plainPick(weights, u));
        },
      ),
    );
  });

  it('picks Zipf ranks as before on the slice boundaries', () => {
    const weights = Array.from({ length: 1000 }, (_, k) => (k + 1) ** -1.1);
    const picker = new WeightedPicker(weights);
    for (let i = 0; i <= 4000; i++) {
      const u = i / 4000 - (i === 4000 ? 2 ** -53 : 0);
      expect(picker.pick(fixed(u))).toBe(plainPick(weights, u));
    }
  });
});
