import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomStream, type RandomSource } from '../../../../core/engine/random/random-source.ts';
import { WeightedPicker, ZipfSampler } from '../../../../core/engine/scenario/weighted-picker.ts';
import { expectBinomial } from './helpers.ts';

const rng = (seed = 1) => randomStream(seed, 'mix');

describe('WeightedPicker', () => {
  it('picks by relative weight within 3σ', () => {
    const weights = [80, 15, 5];
    const picker = new WeightedPicker(weights);
    const random = rng();
    const counts = [0, 0, 0];
    const draws = 60_000;
    for (let i = 0; i < draws; i++) counts[picker.pick(random)]!++;
    weights.forEach((w, i) => expectBinomial(counts[i]!, draws, w / 100));
  });

  it('draws nothing for a single choice', () => {
    let draws = 0;
    const counting: RandomSource = { next: () => (draws++, 0.5), nextUint32: () => (draws++, 0) };
    expect(new WeightedPicker([3]).pick(counting)).toBe(0);
    expect(draws).toBe(0);
  });

  it('maps the extremes of [0, 1) to the first and last choices', () => {
    const fixed = (u: number): RandomSource => ({ next: () => u, nextUint32: () => 0 });
    const picker = new WeightedPicker([1, 0.5, 2]);
    expect(picker.pick(fixed(0))).toBe(0);
    expect(picker.pick(fixed(1 - 2 ** -53))).toBe(2);
    expect(picker.pick(fixed(1 / 3.5))).toBe(1);
  });

  it('always returns an index in range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (weights, u) => {
          const i = new WeightedPicker(weights).pick({ next: () => u, nextUint32: () => 0 });
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(weights.length);
        },
      ),
    );
  });
});

describe('ZipfSampler', () => {
  const n = 1000;
  const s = 1.1;
  const draws = 100_000;
  const harmonic = Array.from({ length: n }, (_, k) => (k + 1) ** -s).reduce((a, b) => a + b, 0);
  const pmf = (k: number) => k ** -s / harmonic;

  const counts = new Array<number>(n + 1).fill(0);
  const sampler = new ZipfSampler(n, s);
  const random = rng(3);
  for (let i = 0; i < draws; i++) counts[sampler.sample(random)]!++;

  it('stays within 1..n', () => {
    expect(counts[0]).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws);
  });

  it('matches the exact pmf for each of the top 20 ranks within 3σ', () => {
    for (let k = 1; k <= 20; k++) expectBinomial(counts[k]!, draws, pmf(k));
  });

  it('passes a chi-square test over all ranks', () => {
    // Ranks are pooled into cells expecting ≥ 50 draws each, so the chi-square approximation holds.
    let chi = 0;
    let cells = 0;
    let observed = 0;
    let expected = 0;
    for (let k = 1; k <= n; k++) {
      observed += counts[k]!;
      expected += draws * pmf(k);
      if (expected >= 50 || k === n) {
        chi += (observed - expected) ** 2 / expected;
        cells++;
        observed = 0;
        expected = 0;
      }
    }
    const df = cells - 1;
    // Mean df, sd √(2df): 4 sd above the mean is a p-value far below 0.001.
    expect(chi).toBeLessThan(df + 4 * Math.sqrt(2 * df));
    expect(cells).toBeGreaterThan(100);
  });

  it('handles n = 1 and n = 10^6', () => {
    expect(new ZipfSampler(1, 2).sample(rng())).toBe(1);
    const big = new ZipfSampler(1_000_000, 0.8);
    const r = rng(9);
    for (let i = 0; i < 1000; i++) {
      const k = big.sample(r);
      expect(Number.isInteger(k) && k >= 1 && k <= 1_000_000).toBe(true);
    }
  });
});
