import {
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
} from 'chart.js';
import { recordChartUpdate } from './chart-perf.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip, Decimation);

/** A chart point as drawn: `parsing: false`, so chart.js uses these objects as they are. */
export interface XY {
  x: number;
  y: number;
}

/** One line of a chart. */
export type LineDataset = ChartDataset<'line', XY[]>;

/** Everything a live chart needs from chart.js, so jsdom tests can stand in a fake. */
export interface ChartHandle {
  readonly datasets: LineDataset[];
  readonly options: ChartOptions<'line'>;
  /** Redraws in place, without animation. */
  update(): void;
  destroy(): void;
}

/** Creates a chart on a canvas. */
export type ChartFactory = (canvas: HTMLCanvasElement, config: ChartConfiguration<'line', XY[]>) => ChartHandle;

/** The real chart.js factory; it times each update for `window.__gatelabPerf`. */
export const chartJsFactory: ChartFactory = (canvas, config) => {
  const chart = new Chart<'line', XY[]>(canvas, config);
  return {
    get datasets() {
      return chart.data.datasets;
    },
    get options() {
      return chart.options;
    },
    update() {
      const started = performance.now();
      chart.update('none');
      recordChartUpdate(performance.now() - started);
    },
    destroy() {
      chart.destroy();
    },
  };
};
