import { useEffect, useRef } from 'react';
import { useChartFactory } from '../charts/chart-factory-context.tsx';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { applyTheme, readChartTheme, watchColorScheme } from '../charts/chart-theme.ts';
import { SeriesBinding } from '../charts/series-binding.ts';
import { useLabStore } from '../store/store-context.tsx';
import { annotationPlugin } from '../tuning/annotation-plugin.ts';
import { bindAnnotations, exposeChart } from '../tuning/chart-extras.ts';

/**
 * Creates a chart for `spec` on the returned canvas and keeps it current from a store subscription, so a
 * tick redraws the chart in place without rendering any React component. The container's `data-points`
 * attribute carries how many points the chart holds (the end-to-end tests read it).
 */
export function useLiveChart(spec: ChartSpec) {
  const store = useLabStore();
  const factory = useChartFactory();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const container = containerRef.current;
    if (!canvas || !container) return;
    const options = spec.options();
    applyTheme(options, readChartTheme());
    const chart = factory(canvas, { type: 'line', data: { datasets: [] }, options, plugins: [annotationPlugin] });
    const binding = new SeriesBinding(chart, spec);
    const sync = () => {
      container.dataset['points'] = String(binding.sync(store.getState().series));
    };
    sync();
    const unsubscribe = store.subscribe((state) => state.seriesVersion, sync);
    // Hot-applied config changes, drawn as annotations; and the lines, for the end-to-end tests.
    const unannotate = bindAnnotations(store, chart, canvas, container);
    const unexpose = exposeChart(spec.id, chart);
    const unwatch = watchColorScheme(() => {
      applyTheme(chart.options, readChartTheme());
      chart.update();
    });
    return () => {
      unsubscribe();
      unannotate();
      unexpose();
      unwatch();
      chart.destroy();
    };
  }, [spec, store, factory]);

  return { canvasRef, containerRef };
}
