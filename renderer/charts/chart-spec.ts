import type { ChartOptions } from 'chart.js';
import type { SeriesPoint } from '../lab/types.ts';
import type { RunSeries } from '../store/run-series.ts';
import type { LineDataset } from './chart-adapter.ts';

/** One line of a live chart: how to read its value from a closed second, and how to draw it. */
export interface SeriesLine {
  key: string;
  label: string;
  color: string;
  /** The value at one second, or null where the line has none (a bucket not created yet). */
  value(point: SeriesPoint): number | null;
  /** Fill, stack, dash or axis settings for this line. */
  style?: Partial<LineDataset>;
}

/** What a live chart shows. */
export interface ChartSpec {
  /** Stable id, used for `data-testid` (`chart-{id}`). */
  id: string;
  title: string;
  /** The lines for the run as it stands; may grow as the run goes (buckets appear when first used). */
  lines(series: RunSeries): SeriesLine[];
  options(): ChartOptions<'line'>;
}
