import type { ChartOptions } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartHandle, LineDataset } from '../charts/chart-adapter.ts';
import { useChartFactory } from '../charts/chart-factory-context.tsx';
import { applyTheme, readChartTheme, watchColorScheme } from '../charts/chart-theme.ts';
import { annotationPlugin, setAnnotations, type ChartAnnotation } from './annotation-plugin.ts';
import { exposeChart } from './chart-extras.ts';

const NO_ANNOTATIONS: ChartAnnotation[] = [];

/**
 * A chart of fixed data (a comparison, the recommender's curve): created once per `options` factory, its lines
 * and annotations replaced in place whenever they change. `data-points` on the container counts the points drawn.
 */
export function useStaticChart(
  id: string,
  options: () => ChartOptions<'line'>,
  datasets: LineDataset[],
  annotations: ChartAnnotation[] = NO_ANNOTATIONS,
) {
  const factory = useChartFactory();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartHandle | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const opts = options();
    applyTheme(opts, readChartTheme());
    const chart = factory(canvas, { type: 'line', data: { datasets: [] }, options: opts, plugins: [annotationPlugin] });
    chartRef.current = chart;
    const unexpose = exposeChart(id, chart);
    const unwatch = watchColorScheme(() => {
      applyTheme(chart.options, readChartTheme());
      chart.update();
    });
    return () => {
      unexpose();
      unwatch();
      chart.destroy();
      chartRef.current = null;
    };
  }, [factory, id, options]);

  useEffect(() => {
    const chart = chartRef.current;
    const canvas = canvasRef.current;
    const container = containerRef.current;
    if (!chart || !canvas || !container) return;
    chart.datasets.length = 0;
    chart.datasets.push(...datasets);
    setAnnotations(canvas, annotations);
    container.dataset['points'] = String(datasets.reduce((n, d) => n + d.data.length, 0));
    container.dataset['annotations'] = String(annotations.length);
    chart.update();
  }, [datasets, annotations, options, factory, id]);

  return { canvasRef, containerRef };
}
