import type { RandomSource } from '../random/random-source.ts';

/** The z-score of the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

export type LatencySampler = (random: RandomSource) => number;

/**
 * A latency model: a fixed number of ms, or a lognormal fitted to p50 and p99
 * (median = e^μ = p50, and p99 = e^(μ + 2.326σ)).
 */
export function latencySampler(
  model: number | { p50: number; p99: number } | undefined,
  fallback: number,
): LatencySampler {
  if (model === undefined) return () => fallback;
  if (typeof model === 'number') return () => model;
  if (model.p50 <= 0 || model.p99 <= model.p50) {
    const fixed = model.p50;
    return () => fixed;
  }
  const mu = Math.log(model.p50);
  const sigma = (Math.log(model.p99) - mu) / Z99;
  return (random) => {
    // Box–Muller; 1 - u keeps the logarithm away from 0.
    const u1 = 1 - random.next();
    const u2 = random.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(mu + sigma * z);
  };
}
