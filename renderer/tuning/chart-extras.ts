import type { ConfigChange } from '../../core/contract/lab-api.ts';
import type { ChartHandle, XY } from '../charts/chart-adapter.ts';
import type { LabStore } from '../store/create-lab-store.ts';
import { setAnnotations, type ChartAnnotation } from './annotation-plugin.ts';

/** A chart's lines as drawn, for the end-to-end tests (`window.__gatelabCharts[id]()`). */
export type ChartProbe = () => Array<{ label: string; points: XY[] }>;

declare global {
  interface Window {
    __gatelabCharts?: Record<string, ChartProbe>;
  }
}

/** The annotation of each hot-applied change: its run second, numbered in order. */
export function changeAnnotations(changes: readonly ConfigChange[]): ChartAnnotation[] {
  return changes.map((c, i) => ({ x: c.atMs / 1000, label: `#${i + 1} ${c.description}` }));
}

/** Publishes a chart's lines on `window.__gatelabCharts`, like `window.__gatelabPerf` publishes its timings. */
export function exposeChart(id: string, chart: ChartHandle): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const probe: ChartProbe = () =>
    chart.datasets.map((d) => ({ label: String(d.label ?? ''), points: d.data.map(({ x, y }) => ({ x, y })) }));
  const charts = (window.__gatelabCharts ??= {});
  charts[id] = probe;
  return () => {
    if (charts[id] === probe) delete charts[id];
  };
}

/**
 * Keeps a live chart's annotations in step with the hot-applied changes of the run it shows, and says how many
 * it draws in the container's `data-annotations`.
 */
export function bindAnnotations(
  store: LabStore,
  chart: ChartHandle,
  canvas: HTMLCanvasElement,
  container: HTMLElement,
): () => void {
  const draw = (changes: readonly ConfigChange[]) => {
    setAnnotations(canvas, changeAnnotations(changes));
    container.dataset['annotations'] = String(changes.length);
    chart.update();
  };
  draw(store.getState().tuned.changes);
  return store.subscribe((s) => s.tuned.changes, draw);
}
