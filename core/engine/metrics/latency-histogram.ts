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
 * A latency histogram with bounded memory (HdrHistogram, 1 µs to 1 hour): recording a million values costs
 * no more memory than recording one. Three significant digits by default; two for short-lived per-second
 * histograms, whose counts array is then ten times smaller to reset and to scan for percentiles.
 */
export class LatencyHistogram {
  private readonly histogram: hdr.Histogram;

  constructor(significantDigits: 2 | 3 = 3) {
    this.histogram = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: significantDigits,
    });
  }

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

  /**
   * The value at percentile `p`, in ms, to the histogram's precision. HdrHistogram answers with the top of the
   * bucket the value fell in; clamping to the recorded range keeps p99 from exceeding the max it came from.
   */
  percentile(p: number): number {
    this.flush();
    const h = this.histogram;
    if (h.totalCount === 0) return 0;
    const value = h.getValueAtPercentile(p);
    if (value === 0) return 0;
    return Math.min(Math.max(value, h.minNonZeroValue), h.maxValue) / 1000;
  }

  summary(): LatencySummary {
    this.flush();
    const h = this.histogram;
    if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
    return {
      count: h.totalCount,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: h.maxValue / 1000,
      mean: h.mean / 1000,
    };
  }

  /** The summary's percentiles and max without its mean, which scans every bucket: for once-a-second series. */
  percentiles(): Pick<LatencySummary, 'p50' | 'p90' | 'p99' | 'max'> {
    this.flush();
    const h = this.histogram;
    if (h.totalCount === 0) return { p50: 0, p90: 0, p99: 0, max: 0 };
    return { p50: this.percentile(50), p90: this.percentile(90), p99: this.percentile(99), max: h.maxValue / 1000 };
  }

  /** Adds another histogram's values to this one. */
  add(other: LatencyHistogram): void {
    this.flush();
    other.flush();
    this.histogram.add(other.histogram);
  }

  reset(): void {
    this.zeros = 0;
    this.histogram.reset();
  }
}
