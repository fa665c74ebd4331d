import { describe, expect, it } from 'vitest';
import { closedLoopPlan } from '../../../../core/engine/scenario/closed-loop.ts';
import {
  expectedArrivalCount,
  expectedPeakRate,
  offeredRateAt,
  offeredRateSeries,
  scenarioDurationMs,
} from '../../../../core/engine/scenario/offered-rate.ts';
import { scenario } from './helpers.ts';

const flashSale = scenario({
  phases: [
    { durationSeconds: 30, rate: 50 },
    { durationSeconds: 30, rate: 50, rampTo: 400 },
    { durationSeconds: 5, rate: 2000 },
  ],
});
const falling = scenario({ phases: [{ durationSeconds: 10, rate: 300, rampTo: 20 }] });
const trace = scenario({
  trace: [
    { at: 0, path: '/prod', count: 5 },
    { at: 900, path: '/prod', count: 4 },
    { at: 1500, path: '/prod', count: 2 },
    { at: 3000, path: '/prod' },
  ],
});
const closed = scenario({ concurrency: { connections: 50, durationSeconds: 20 } });

describe('offered rate', () => {
  it('peaks at the highest rate or ramp end', () => {
    expect(expectedPeakRate(flashSale)).toBe(2000);
    expect(expectedPeakRate(falling)).toBe(300);
  });

  it('peaks at the busiest 1-second window of a trace', () => {
    expect(expectedPeakRate(trace)).toBe(9);
    expect(
      expectedPeakRate(
        scenario({
          trace: [
            { at: 0, path: '/p' },
            { at: 1000, path: '/p' },
          ],
        }),
      ),
    ).toBe(1);
  });

  it('gives the instantaneous rate, linear along a ramp and 0 outside the phases', () => {
    expect(offeredRateAt(flashSale, 0)).toBe(50);
    expect(offeredRateAt(flashSale, 45_000)).toBeCloseTo(225, 9);
    expect(offeredRateAt(flashSale, 60_000)).toBe(2000);
    expect(offeredRateAt(flashSale, 65_000)).toBe(0);
    expect(offeredRateAt(flashSale, -1)).toBe(0);
    expect(offeredRateAt(trace, 0)).toBe(9);
    expect(offeredRateAt(trace, 500)).toBe(4);
  });

  it('averages the rate over each step for a chart', () => {
    const series = offeredRateSeries(flashSale, 1000);
    expect(series).toHaveLength(65);
    expect(series[0]).toBe(50);
    expect(series[30]).toBeCloseTo(50 + 350 / 60, 9);
    expect(series[64]).toBe(2000);
    expect(series.reduce((a, b) => a + b, 0)).toBeCloseTo(18_250, 6);
    expect(offeredRateSeries(trace, 1000)).toEqual([9, 2, 0, 1]);
    expect(offeredRateSeries(trace, 500)).toEqual([10, 8, 0, 4, 0, 0, 2]);
    expect(offeredRateSeries(closed, 1000)).toEqual([]);
    expect(() => offeredRateSeries(flashSale, 0)).toThrow(RangeError);
  });

  it('leaves a closed loop’s rate unknown', () => {
    expect(expectedPeakRate(closed)).toBeNull();
    expect(offeredRateAt(closed, 0)).toBeNull();
  });

  it('knows each load model’s duration and expected arrivals', () => {
    expect([scenarioDurationMs(flashSale), scenarioDurationMs(trace), scenarioDurationMs(closed)]).toEqual([
      65_000, 3000, 20_000,
    ]);
    expect(expectedArrivalCount(flashSale)).toBe(18_250);
    expect(expectedArrivalCount(trace)).toBe(12);
    expect(expectedArrivalCount(closed)).toBeNull();
  });
});

describe('closed loop', () => {
  it('normalises the concurrency block with its defaults', () => {
    expect(closedLoopPlan(closed.concurrency!)).toEqual({
      connections: 50,
      durationMs: 20_000,
      rttMs: 1,
      maxRequests: null,
    });
    const capped = scenario({ concurrency: { connections: 2, durationSeconds: 1.5, rttMs: 0, maxRequests: 10 } });
    expect(closedLoopPlan(capped.concurrency!)).toEqual({
      connections: 2,
      durationMs: 1500,
      rttMs: 0,
      maxRequests: 10,
    });
  });
});
