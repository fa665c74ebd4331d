import type { SeriesPoint } from '../lab/types.ts';
import type { RunSeries } from '../store/run-series.ts';
import type { ChartHandle, LineDataset, XY } from './chart-adapter.ts';
import type { ChartSpec, SeriesLine } from './chart-spec.ts';

interface Drawn {
  line: SeriesLine;
  /** Our own reference to the points: chart.js's decimation swaps `dataset.data` for a decimated copy. */
  points: XY[];
}

/**
 * Keeps a chart's datasets in step with a run's series by appending only the seconds it has not drawn and
 * dropping those that left the series' window, then redrawing in place. Nothing here goes through React.
 */
export class SeriesBinding {
  private readonly drawn = new Map<string, Drawn>();
  private generation = -1;
  private seen = 0;

  constructor(
    private readonly chart: ChartHandle,
    private readonly spec: ChartSpec,
  ) {}

  /** Brings the chart up to date with `series` and returns how many points it now holds. */
  sync(series: RunSeries): number {
    if (series.generation !== this.generation) this.clear(series.generation);
    const ring = series.points;
    const firstHeld = series.appended - ring.size;
    for (const line of this.spec.lines(series)) {
      if (!this.drawn.has(line.key)) this.add(line, series, firstHeld);
    }
    for (let i = Math.max(this.seen, firstHeld); i < series.appended; i++) {
      const point = ring.at(i - firstHeld);
      if (point) this.appendPoint(point);
    }
    this.seen = series.appended;
    const oldest = ring.at(0)?.t ?? 0;
    let count = 0;
    for (const { points } of this.drawn.values()) {
      let drop = 0;
      while (drop < points.length && points[drop]!.x < oldest) drop++;
      if (drop > 0) points.splice(0, drop);
      count += points.length;
    }
    this.setWindow(oldest, series);
    this.chart.update();
    return count;
  }

  private clear(generation: number): void {
    this.drawn.clear();
    this.chart.datasets.length = 0;
    this.generation = generation;
    this.seen = 0;
  }

  /** Adds a line, filled in from the seconds already drawn for the other lines. */
  private add(line: SeriesLine, series: RunSeries, firstHeld: number): void {
    const points: XY[] = [];
    for (let i = firstHeld; i < this.seen; i++) {
      const point = series.points.at(i - firstHeld);
      const y = point ? line.value(point) : null;
      if (point && y !== null) points.push({ x: point.t, y });
    }
    this.drawn.set(line.key, { line, points });
    const dataset: LineDataset = {
      label: line.label,
      data: points,
      borderColor: line.color,
      backgroundColor: `${line.color}55`,
      pointRadius: 0,
      fill: false,
      ...line.style,
    };
    this.chart.datasets.push(dataset);
  }

  private appendPoint(point: SeriesPoint): void {
    for (const { line, points } of this.drawn.values()) {
      const y = line.value(point);
      if (y !== null) points.push({ x: point.t, y });
    }
  }

  private setWindow(oldest: number, series: RunSeries): void {
    const x = this.chart.options.scales?.['x'];
    if (!x) return;
    const newest = series.points.last()?.t ?? 0;
    x.min = oldest;
    x.max = Math.max(oldest + 1, newest + 1, Math.min(series.plannedSeconds, oldest + series.points.capacity));
  }
}
