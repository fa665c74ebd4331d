import type { ChartConfiguration, ChartOptions } from 'chart.js';
import type { ChartFactory, ChartHandle, LineDataset, XY } from '../../../renderer/charts/chart-adapter.ts';

/** A chart that records what the live binding does to it, for jsdom (which has no canvas). */
export interface FakeChart extends ChartHandle {
  canvas: HTMLCanvasElement;
  updates: number;
  destroyed: boolean;
}

/** A factory handing out `FakeChart`s, with every chart it made. */
export function fakeChartFactory(): { factory: ChartFactory; charts: FakeChart[] } {
  const charts: FakeChart[] = [];
  const factory: ChartFactory = (canvas, config: ChartConfiguration<'line', XY[]>) => {
    const chart: FakeChart = {
      canvas,
      datasets: config.data.datasets as LineDataset[],
      options: config.options as ChartOptions<'line'>,
      updates: 0,
      destroyed: false,
      update() {
        chart.updates++;
      },
      destroy() {
        chart.destroyed = true;
      },
    };
    charts.push(chart);
    return chart;
  };
  return { factory, charts };
}
