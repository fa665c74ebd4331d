import type { RandomSource } from '../random/random-source.ts';
import { rateProfile, type RateProfile } from './rate-profile.ts';
import type { ArrivalKind, Phase } from './schema.ts';

/**
 * Arrival times of an open-loop scenario, in ms since the start, one per `next()` call, non-decreasing;
 * `next()` returns -1 once the last phase has ended. A cursor rather than an iterator keeps the hot path
 * free of per-arrival allocations: millions of arrivals stream through without being materialised.
 *
 * Both kinds invert the rate's integral Λ(t), the expected arrivals up to t (SPEC §9):
 * - `uniform`: arrival k (from 0) is at the t where Λ(t) = k, carried across phases, so the first is at 0.
 * - `poisson`: arrival j is at the t where Λ(t) = E₁ + … + E_j with E ~ Exp(1). This is the exact
 *   time-change construction of a non-homogeneous Poisson process: gaps are exponential at the
 *   instantaneous rate, ramps included, with one draw per arrival and no thinning rejections.
 *
 * Within a phase, Λ is linear (constant rate) or quadratic (ramp), so it is inverted in closed form.
 * Phases with rate 0 produce nothing.
 */
export class ArrivalCursor {
  private phase = 0;
  private target: number;

  constructor(
    private readonly profile: RateProfile,
    private readonly random: RandomSource | null,
  ) {
    this.target = random === null ? 0 : exponential(random);
  }

  /** The next arrival time in ms, or -1 when there are no more. */
  next(): number {
    const p = this.profile;
    while (this.phase < p.phaseCount) {
      const i = this.phase;
      let m = this.target - p.startCount[i]!;
      // Rounding in the carried integral can leave m a hair below 0 at a phase's first arrival.
      if (m < 0) m = 0;
      const rate = p.rate[i]!;
      const slope = p.slope[i]!;
      // Rate 0 gives NaN or Infinity here, and a ramp's root past its end a value ≥ duration: both fail the test.
      const offset =
        slope === 0 ? (1000 * m) / rate : m === 0 ? 0 : (2000 * m) / (rate + Math.sqrt(rate * rate + 4 * slope * m));
      const start = p.startMs[i]!;
      const at = start + offset;
      // Compared as a time, not an offset: start + offset can round up to the phase's end, which is not in it.
      if (offset < p.durationMs[i]! && at < start + p.durationMs[i]!) {
        this.target += this.random === null ? 1 : exponential(this.random);
        return at;
      }
      this.phase++;
    }
    return -1;
  }
}

function exponential(random: RandomSource): number {
  return -Math.log(1 - random.next());
}

/**
 * The arrival times of `phases`: evenly spaced (`uniform`) or Poisson, the latter drawing from `random`
 * (the scenario's `arrivals` stream, so nothing else in the scenario or config can move them).
 */
export function arrivalTimes(phases: readonly Phase[], kind: ArrivalKind, random: RandomSource): ArrivalCursor {
  return new ArrivalCursor(rateProfile(phases), kind === 'poisson' ? random : null);
}
