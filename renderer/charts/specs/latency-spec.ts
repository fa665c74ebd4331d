import type { ChartSpec, SeriesLine } from '../chart-spec.ts';
import { baseOptions, COLORS } from '../chart-theme.ts';

const LINES: SeriesLine[] = [
  { key: 'p50', label: 'p50', color: COLORS.p50, value: (p) => p.latencyMs.p50 },
  { key: 'p90', label: 'p90', color: COLORS.p90, value: (p) => p.latencyMs.p90 },
  { key: 'p99', label: 'p99', color: COLORS.p99, value: (p) => p.latencyMs.p99 },
];

/** (d) Latency percentiles of the responses sent in each second. */
export const latencySpec: ChartSpec = {
  id: 'latency',
  title: 'Latency',
  lines: () => LINES,
  options: () => baseOptions({ title: 'ms' }, true),
};
