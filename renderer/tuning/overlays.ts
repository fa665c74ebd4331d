import type { ChartOptions } from 'chart.js';
import type { RunComparison } from '../../core/contract/lab-api.ts';
import type { LineDataset } from '../charts/chart-adapter.ts';
import { baseOptions } from '../charts/chart-theme.ts';
import type { SeriesPoint } from '../lab/types.ts';

/** One overlaid chart of a comparison: a per-second figure for run A and run B. */
export interface Overlay {
  id: string;
  title: string;
  options: () => ChartOptions<'line'>;
  value(point: SeriesPoint): number | null;
}

const options = (title: string) => () => baseOptions({ title }, false);

export const OVERLAYS: Overlay[] = [
  { id: 'throttled', title: 'Throttled per second', options: options('requests/s'), value: (p) => p.throttled },
  {
    id: 'accepted',
    title: 'Accepted per second',
    options: options('requests/s'),
    value: (p) => p.sent - p.throttled - p.quotaExceeded,
  },
  { id: 'p99', title: 'p99 latency', options: options('ms'), value: (p) => p.latencyMs.p99 },
  {
    id: 'hits',
    title: 'Cache hit ratio',
    options: options('%'),
    value: (p) => {
      const lookups = p.cacheHits + p.cacheMisses;
      return lookups === 0 ? null : (100 * p.cacheHits) / lookups;
    },
  },
];

/** Colours for A and B that read on both themes; B is dashed as well, for readers who can't tell them apart. */
export const SIDE_COLORS = { a: '#2563eb', b: '#f97316' } as const;

/** The two lines of an overlay. */
export function overlayDatasets(overlay: Overlay, comparison: RunComparison): LineDataset[] {
  return (['a', 'b'] as const).map((side) => {
    const { label, report } = comparison[side];
    const data = report.series.flatMap((p) => {
      const y = overlay.value(p);
      return y === null ? [] : [{ x: p.t, y }];
    });
    return {
      label: `${side.toUpperCase()} · ${label}`,
      data,
      borderColor: SIDE_COLORS[side],
      backgroundColor: `${SIDE_COLORS[side]}55`,
      pointRadius: 0,
      borderWidth: 2,
      fill: false,
      ...(side === 'b' ? { borderDash: [6, 3] } : {}),
    };
  });
}
