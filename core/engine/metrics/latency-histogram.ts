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

  private zeros = 0;

  /** Records a latency in ms (kept in µs). */
  record(ms: number): void {
    // Gateway-made answers and virtual cache hits take 0 ms; counting them apart keeps the hot path cheap.
    if (ms <= 0) this.zeros++;
    else this.histogram.recordValue(Math.round(ms * 1000));
  }

  private flush(): void {
    if (this.zeros > 0) {
      this.histogram.recordValueWithCount(0, this.zeros);
      this.zeros = 0;
    }
  }

  get count(): number {
    this.flush();
    return this.histogram.totalCount;
  }

  percentile(p: number): number {
    this.flush();
    return this.histogram.totalCount === 0 ? 0 : this.histogram.getValueAtPercentile(p) / 1000;
  }

  summary(): LatencySummary {
    this.flush();
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
    this.zeros = 0;
    this.histogram.reset();
  }
}
