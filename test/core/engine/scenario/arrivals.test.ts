import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalTimes } from '../../../../core/engine/scenario/arrivals.ts';
import type { Phase } from '../../../../core/engine/scenario/schema.ts';
import { randomStream, randomStreams } from '../../../../core/engine/random/random-source.ts';
import { requestGenerator } from '../../../../core/engine/scenario/request-generator.ts';
import { drain, expectBinomial, scenario } from './helpers.ts';

const rng = () => randomStream(7, 'arrivals');
const uniform = (phases: Phase[]) => drain(arrivalTimes(phases, 'uniform', rng()));

/** The rate's integral, written independently of the planner: expected arrivals in [0, tMs). */
function integral(phases: readonly Phase[], tMs: number): number {
  let sum = 0;
  let start = 0;
  for (const p of phases) {
    const d = p.durationSeconds;
    const tau = Math.min(Math.max((tMs - start) / 1000, 0), d);
    const to = p.rampTo ?? p.rate;
    sum += p.rate * tau + (((to - p.rate) / d) * (tau * tau)) / 2;
    start += d * 1000;
  }
  return sum;
}

describe('uniform arrivals', () => {
  it('spaces a constant rate evenly from t = 0', () => {
    expect(uniform([{ durationSeconds: 1, rate: 10 }])).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('carries a fractional integral across phases', () => {
    expect(
      uniform([
        { durationSeconds: 1, rate: 2.5 },
        { durationSeconds: 1, rate: 2.5 },
      ]),
    ).toEqual([0, 400, 800, 1200, 1600]);
    const times = uniform([
      { durationSeconds: 1, rate: 2.5 },
      { durationSeconds: 1, rate: 10 },
    ]);
    expect(times).toEqual([0, 400, 800, 1050, 1150, 1250, 1350, 1450, 1550, 1650, 1750, 1850, 1950]);
  });

  it('solves a ramp from 0 exactly: Λ(τ) = 2.5τ² so arrival k is at √(0.4k) s', () => {
    const times = uniform([{ durationSeconds: 2, rate: 0, rampTo: 10 }]);
    expect(times).toHaveLength(10);
    times.forEach((t, k) => expect(t).toBeCloseTo(Math.sqrt(0.4 * k) * 1000, 9));
  });

  it('solves a falling ramp: 10τ − 2.5τ² = k', () => {
    const times = uniform([{ durationSeconds: 2, rate: 10, rampTo: 0 }]);
    expect(times).toHaveLength(10);
    times.forEach((t, k) => expect(t).toBeCloseTo(((10 - Math.sqrt(100 - 10 * k)) / 5) * 1000, 9));
  });

  it('produces nothing in a rate-0 phase and resumes after it', () => {
    const phases = [
      { durationSeconds: 1, rate: 2 },
      { durationSeconds: 2, rate: 0 },
      { durationSeconds: 1, rate: 2 },
    ];
    expect(uniform(phases)).toEqual([0, 500, 3000, 3500]);
    expect(uniform([{ durationSeconds: 5, rate: 0 }])).toEqual([]);
  });

  it('gives each phase of the SPEC example its integral', () => {
    const times = uniform([
      { durationSeconds: 30, rate: 50 },
      { durationSeconds: 30, rate: 50, rampTo: 400 },
      { durationSeconds: 5, rate: 2000 },
    ]);
    const inPhase = (from: number, to: number) => times.filter((t) => t >= from && t < to).length;
    expect([inPhase(0, 30_000), inPhase(30_000, 60_000), inPhase(60_000, 65_000)]).toEqual([1500, 6750, 10_000]);
    expect(times.at(-1)).toBeLessThan(65_000);
  });

  it('streams 6,000,000 arrivals without materialising them', () => {
    const cursor = arrivalTimes([{ durationSeconds: 600, rate: 10_000 }], 'uniform', rng());
    let count = 0;
    let last = -1;
    for (let t = cursor.next(); t !== -1; t = cursor.next()) {
      if (t < last) throw new Error(`time went back at ${count}`);
      last = t;
      count++;
    }
    expect(count).toBe(6_000_000);
    expect(last).toBeCloseTo(599_999.9, 6);
    expect(cursor.next()).toBe(-1);
  });

  it('never puts an arrival at the end of the last phase, even when rounding lands it there', () => {
    // Found by the property below: the third arrival's offset is just under 50 ms, but 122.678… + 49.999… rounds
    // to the phases' end.
    const phases = [
      { durationSeconds: 0.12267819530970679, rate: 0 },
      { durationSeconds: 0.05000000000000008, rate: 59.99999999999994, rampTo: 59.99999999999988 },
    ];
    const endMs = 0.12267819530970679 * 1000 + 0.05000000000000008 * 1000;
    const times = uniform(phases);
    expect(times.length).toBe(3);
    for (const t of times) expect(t).toBeLessThan(endMs);
  });

  it('puts arrival k where the integral reaches k, for any phases', () => {
    const phase = fc.record(
      {
        durationSeconds: fc.double({ min: 0.05, max: 5, noNaN: true }),
        rate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 60, noNaN: true })),
        rampTo: fc.double({ min: 0, max: 60, noNaN: true }),
      },
      { requiredKeys: ['durationSeconds', 'rate'] },
    );
    fc.assert(
      fc.property(fc.array(phase, { minLength: 1, maxLength: 4 }), (phases) => {
        const times = uniform(phases);
        const endMs = phases.reduce((sum, p) => sum + p.durationSeconds * 1000, 0);
        const total = integral(phases, endMs);
        times.forEach((t, k) => {
          expect(t).toBeGreaterThanOrEqual(k === 0 ? 0 : times[k - 1]!);
          expect(t).toBeLessThan(endMs);
          expect(Math.abs(integral(phases, t) - k)).toBeLessThan(1e-6 * Math.max(1, k));
        });
        const nearInteger = Math.abs(total - Math.round(total)) < 1e-6;
        if (nearInteger) expect(Math.abs(times.length - Math.round(total))).toBeLessThanOrEqual(1);
        else expect(times.length).toBe(Math.ceil(total));
      }),
      { numRuns: 300 },
    );
  });
});

describe('poisson arrivals', () => {
  const poisson = (phases: Phase[], seed = 11) =>
    drain(arrivalTimes(phases, 'poisson', randomStream(seed, 'arrivals')));

  it('gives a count within 3σ and a mean gap of 1/rate', () => {
    const times = poisson([{ durationSeconds: 100, rate: 100 }]);
    expect(Math.abs(times.length - 10_000)).toBeLessThanOrEqual(3 * Math.sqrt(10_000));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // Exponential gaps: the standard deviation equals the mean, so the mean of n gaps has sd 10/√n ms.
    expect(Math.abs(meanGap - 10)).toBeLessThanOrEqual((3 * 10) / Math.sqrt(gaps.length));
    expect(times.at(-1)).toBeLessThan(100_000);
  });

  it('follows a ramp: each half of 0→200/s over 100 s holds its share within 3σ', () => {
    const times = poisson([{ durationSeconds: 100, rate: 0, rampTo: 200 }], 3);
    const firstHalf = times.filter((t) => t < 50_000).length;
    expect(Math.abs(firstHalf - 2500)).toBeLessThanOrEqual(3 * Math.sqrt(2500));
    expect(Math.abs(times.length - firstHalf - 7500)).toBeLessThanOrEqual(3 * Math.sqrt(7500));
    const firstTenth = times.filter((t) => t < 10_000).length;
    expectBinomial(firstTenth, times.length, 0.01);
  });

  it('skips rate-0 phases and is non-decreasing', () => {
    const times = poisson([
      { durationSeconds: 10, rate: 50 },
      { durationSeconds: 10, rate: 0 },
      { durationSeconds: 10, rate: 50 },
    ]);
    expect(times.some((t) => t >= 10_000 && t < 20_000)).toBe(false);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('repeats exactly for a seed and differs for another', () => {
    const phases = [{ durationSeconds: 5, rate: 40, rampTo: 80 }];
    expect(poisson(phases, 5)).toEqual(poisson(phases, 5));
    expect(poisson(phases, 5)).not.toEqual(poisson(phases, 6));
  });
});

describe('stream independence', () => {
  it('never moves arrival times when the mix or clients change', () => {
    const base = { arrivals: 'poisson', phases: [{ durationSeconds: 2, rate: 200 }] };
    const plain = scenario(base);
    const busy = scenario({
      ...base,
      mix: [
        { weight: 3, path: '/pets/{id}', params: { id: { zipf: { n: 100, s: 1.2 } } } },
        { path: '/toys', query: { page: { uniform: { min: 1, max: 9 } } } },
      ],
      clients: [{ name: 'a', share: 2 }, { name: 'b' }],
    });
    const run = (s: typeof plain) => {
      const streams = randomStreams(s.seed);
      const arrivals = arrivalTimes(s.phases!, s.arrivals, streams.arrivals);
      const requests = requestGenerator(s, streams);
      const times: number[] = [];
      for (let t = arrivals.next(); t !== -1; t = arrivals.next()) {
        requests.next();
        times.push(t);
      }
      return times;
    };
    expect(run(busy)).toEqual(run(plain));
  });
});
