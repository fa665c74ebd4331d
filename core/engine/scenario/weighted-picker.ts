import type { RandomSource } from '../random/random-source.ts';

/**
 * Picks index i with probability weights[i] / Σ weights: one uniform draw, then a binary search of the
 * cumulative weights. A single choice draws nothing, so a one-entry mix or one client costs no randomness.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    if (weights.length === 0) throw new RangeError('a weighted pick needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i]!;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** The picked index, from 0. */
  pick(random: RandomSource): number {
    const c = this.cumulative;
    const last = c.length - 1;
    if (last === 0) return 0;
    const u = random.next() * this.total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * A Zipf sampler over the ranks 1..n, P(k) ∝ k^−s: exact in distribution (up to float rounding of the
 * weights), with the n-entry CDF built once and each draw a binary search (≤ 20 steps for n = 10^6).
 */
export class ZipfSampler {
  private readonly picker: WeightedPicker;

  constructor(n: number, s: number) {
    const weights = new Float64Array(n);
    for (let k = 1; k <= n; k++) weights[k - 1] = k ** -s;
    this.picker = new WeightedPicker(weights);
  }

  /** A rank from 1 to n. */
  sample(random: RandomSource): number {
    return this.picker.pick(random) + 1;
  }
}
