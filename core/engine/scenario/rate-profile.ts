import type { Phase } from './schema.ts';

/**
 * The offered rate over time as flat typed arrays, one slot per phase: the rate is
 * `rate[i] + 2·slope[i]·τ` arrivals/s at τ seconds into phase i, so the expected arrivals up to τ are
 * `rate[i]·τ + slope[i]·τ²`, and `startCount[i]` carries the integral of all earlier phases.
 */
export interface RateProfile {
  readonly phaseCount: number;
  readonly startMs: Float64Array;
  readonly durationMs: Float64Array;
  readonly rate: Float64Array;
  readonly slope: Float64Array;
  readonly startCount: Float64Array;
  /** The end of the last phase, in ms. */
  readonly endMs: number;
  /** The expected arrivals over all phases: the rate's integral. */
  readonly totalCount: number;
}

/** Precomputes the phases' time offsets and cumulative integrals. */
export function rateProfile(phases: readonly Phase[]): RateProfile {
  const n = phases.length;
  const profile = {
    phaseCount: n,
    startMs: new Float64Array(n),
    durationMs: new Float64Array(n),
    rate: new Float64Array(n),
    slope: new Float64Array(n),
    startCount: new Float64Array(n),
    endMs: 0,
    totalCount: 0,
  };
  let startMs = 0;
  let count = 0;
  phases.forEach((phase, i) => {
    const from = phase.rate;
    const to = phase.rampTo ?? from;
    profile.startMs[i] = startMs;
    profile.durationMs[i] = phase.durationSeconds * 1000;
    profile.rate[i] = from;
    profile.slope[i] = (to - from) / (2 * phase.durationSeconds);
    profile.startCount[i] = count;
    startMs += phase.durationSeconds * 1000;
    count += ((from + to) / 2) * phase.durationSeconds;
  });
  profile.endMs = startMs;
  profile.totalCount = count;
  return profile;
}

function phaseAt(profile: RateProfile, tMs: number): number {
  let i = 0;
  while (i + 1 < profile.phaseCount && tMs >= profile.startMs[i + 1]!) i++;
  return i;
}

/** The instantaneous offered rate (arrivals/s) at `tMs`; 0 before the start and from the end on. */
export function rateAt(profile: RateProfile, tMs: number): number {
  if (!(tMs >= 0 && tMs < profile.endMs)) return 0;
  const i = phaseAt(profile, tMs);
  const tau = (tMs - profile.startMs[i]!) / 1000;
  return profile.rate[i]! + 2 * profile.slope[i]! * tau;
}

/** The expected arrivals in [0, tMs): the integral of the rate. */
export function countBefore(profile: RateProfile, tMs: number): number {
  if (!(tMs > 0)) return 0;
  if (tMs >= profile.endMs) return profile.totalCount;
  const i = phaseAt(profile, tMs);
  const tau = (tMs - profile.startMs[i]!) / 1000;
  return profile.startCount[i]! + profile.rate[i]! * tau + profile.slope[i]! * tau * tau;
}
