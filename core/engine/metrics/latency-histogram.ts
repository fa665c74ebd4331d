import * as hdr from 'hdr-histogram-js';

/** Latency percentiles in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * A latency histogram with bounded memory (HdrHistogram, 3 significant digits, 1 µs to 1 hour):
 * recording a million values costs no more memory than recording one.
 */
export class LatencyHistogram {
  private readonly histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  /** Records a latency in ms (kept in µs). */
  record(ms: number): void {
    this.histogram.recordValue(ms <= 0 ? 0 : Math.round(ms * 1000));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  percentile(p: number): number {
    return this.histogram.totalCount === 0 ? 0 : this.histogram.getValueAtPercentile(p) / 1000;
  }

  summary(): LatencySummary {
    return {
      count: this.histogram.totalCount,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: this.histogram.totalCount === 0 ? 0 : this.histogram.maxValue / 1000,
      mean: this.histogram.totalCount === 0 ? 0 : this.histogram.mean / 1000,
    };
  }

  reset(): void {
    this.histogram.reset();
  }
}
