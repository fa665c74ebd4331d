import type { RandomSource } from '../random/random-source.ts';

/** Below this many weights a plain binary search is as fast as a guide table. */
const GUIDED_FROM = 32;

/**
 * Picks index i with probability weights[i] / Σ weights: one uniform draw u, then the first i whose cumulative
 * weight exceeds u. A single choice draws nothing, so a one-entry mix or one client costs no randomness.
 * Long tables (Zipf) also keep a guide table: cell j holds the first index past the j-th n-th of the total,
 * which narrows the search to an entry or two; its bounds are checked, so the pick is always the one a plain
 * binary search would make.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private readonly guide: Int32Array | null = null;

  constructor(weights: ArrayLike<number>) {
    if (weights.length === 0) throw new RangeError('a weighted pick needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i]!;
      this.cumulative[i] = sum;
    }
    this.total = sum;
    if (weights.length >= GUIDED_FROM && sum > 0) this.guide = guideTable(this.cumulative, sum);
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
    const guide = this.guide;
    if (guide !== null) {
      const cell = Math.floor((u / this.total) * last);
      const from = guide[cell]!;
      const to = guide[cell + 1]!;
      if ((from === 0 || c[from - 1]! <= u) && c[to]! > u) {
        lo = from;
        hi = to;
      }
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** For each of `cells` = n − 1 equal slices of the total, the first index whose cumulative weight exceeds its start. */
function guideTable(cumulative: Float64Array, total: number): Int32Array {
  const last = cumulative.length - 1;
  const guide = new Int32Array(last + 2);
  let i = 0;
  for (let cell = 0; cell <= last + 1; cell++) {
    const start = (cell / last) * total;
    while (i < last && cumulative[i]! <= start) i++;
    guide[cell] = i;
  }
  return guide;
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
