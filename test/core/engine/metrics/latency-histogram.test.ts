import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../../core/engine/metrics/latency-histogram.ts';

describe('LatencyHistogram', () => {
  it('never reports a percentile above the largest value recorded, nor below the smallest', () => {
    const histogram = new LatencyHistogram();
    for (let i = 0; i < 90; i++) histogram.record(20);
    for (let i = 0; i < 10; i++) histogram.record(250);
    const summary = histogram.summary();
    expect(summary.max).toBe(250);
    expect(summary.p99).toBe(250);
    expect(summary.p90).toBeCloseTo(20, 1);
    expect(summary.p50).toBeGreaterThanOrEqual(20);
  });

  it('reports the exact value when every response took the same time', () => {
    for (const digits of [2, 3] as const) {
      const histogram = new LatencyHistogram(digits);
      for (let i = 0; i < 50; i++) histogram.record(37.5);
      expect(histogram.summary()).toMatchObject({ count: 50, p50: 37.5, p90: 37.5, p99: 37.5, max: 37.5 });
    }
  });

  it('counts zero-latency answers (gateway-made, virtual cache hits) without losing them', () => {
    const histogram = new LatencyHistogram();
    for (let i = 0; i < 98; i++) histogram.record(0);
    histogram.record(10);
    histogram.record(10);
    expect(histogram.summary()).toMatchObject({ count: 100, p50: 0, p90: 0, max: 10 });
    expect(histogram.percentile(99)).toBe(10);
    histogram.reset();
    expect(histogram.summary()).toMatchObject({ count: 0, p50: 0, max: 0 });
  });
});
