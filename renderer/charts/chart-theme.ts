import type { ChartOptions } from 'chart.js';

/** The theme colours a chart draws its axes and legend in, read from the page's CSS variables. */
export interface ChartTheme {
  text: string;
  grid: string;
}

/** Series colours chosen to read on both the light and the dark theme. */
export const COLORS = {
  offered: '#3b82f6',
  accepted: '#10b981',
  usagePlan: '#eab308',
  stage: '#f97316',
  account: '#dc2626',
  quota: '#8b5cf6',
  hits: '#10b981',
  misses: '#f59e0b',
  integration: '#6366f1',
  ratio: '#06b6d4',
  p50: '#10b981',
  p90: '#f59e0b',
  p99: '#ef4444',
  capacity: '#94a3b8',
} as const;

/** For lines without a fixed meaning (one per bucket). */
export const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#a855f7', '#06b6d4', '#ec4899', '#84cc16'];

/** Reads the chart colours of the current theme. */
export function readChartTheme(root: HTMLElement = document.documentElement): ChartTheme {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { text: read('--chart-text', '#475569'), grid: read('--chart-grid', 'rgba(148, 163, 184, 0.25)') };
}

/** Calls `listener` whenever the OS switches between light and dark. */
export function watchColorScheme(listener: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Paints axes, grid and legend of `options` in the theme's colours (in place). */
export function applyTheme(options: ChartOptions<'line'>, theme: ChartTheme): void {
  // Set leaf by leaf: once a chart exists its options are chart.js resolver proxies, not plain objects.
  for (const scale of Object.values(options.scales ?? {})) {
    if (scale?.ticks) scale.ticks.color = theme.text;
    if (scale?.grid) scale.grid.color = theme.grid;
    if (scale && 'title' in scale && scale.title) scale.title.color = theme.text;
  }
  const labels = options.plugins?.legend?.labels;
  if (labels) labels.color = theme.text;
}

/** The options every live chart shares: no animation, no parsing, thin lines, a linear time axis in seconds. */
export function baseOptions(y: { title: string }, decimate: boolean): ChartOptions<'line'> {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: { point: { radius: 0, hoverRadius: 3 }, line: { borderWidth: 1.5, tension: 0 } },
    scales: {
      x: {
        type: 'linear',
        min: 0,
        title: { display: true, text: 'seconds' },
        ticks: { maxTicksLimit: 8, precision: 0 },
        grid: {},
      },
      y: { type: 'linear', beginAtZero: true, title: { display: true, text: y.title }, ticks: {}, grid: {} },
    },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, padding: 10 } },
      tooltip: { enabled: true },
      decimation: { enabled: decimate, algorithm: 'min-max' },
    },
  };
}
