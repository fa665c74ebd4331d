/** Chart redraw timings, exposed on `window.__gatelabPerf` for the renderer benchmark. */
export interface ChartPerf {
  updates: number;
  totalMs: number;
  maxMs: number;
  /** The latest durations, oldest first (bounded). */
  recentMs: number[];
}

declare global {
  interface Window {
    __gatelabPerf?: ChartPerf;
  }
}

const RECENT = 500;

/** Records how long one in-place chart update took. */
export function recordChartUpdate(ms: number): void {
  if (typeof window === 'undefined') return;
  const perf = (window.__gatelabPerf ??= { updates: 0, totalMs: 0, maxMs: 0, recentMs: [] });
  perf.updates++;
  perf.totalMs += ms;
  perf.maxMs = Math.max(perf.maxMs, ms);
  perf.recentMs.push(ms);
  if (perf.recentMs.length > RECENT) perf.recentMs.splice(0, perf.recentMs.length - RECENT);
}
