import type { SeriesPoint } from '../../lab/types.ts';
import type { ChartSpec, SeriesLine } from '../chart-spec.ts';
import { baseOptions, COLORS } from '../chart-theme.ts';

const hitRatio = (p: SeriesPoint) => {
  const lookups = p.cacheHits + p.cacheMisses;
  return lookups === 0 ? null : (100 * p.cacheHits) / lookups;
};

const LINES: SeriesLine[] = [
  { key: 'hits', label: 'Cache hits/s', color: COLORS.hits, value: (p) => p.cacheHits },
  { key: 'misses', label: 'Cache misses/s', color: COLORS.misses, value: (p) => p.cacheMisses },
  { key: 'integration', label: 'Integration calls/s', color: COLORS.integration, value: (p) => p.integrationCalls },
  {
    key: 'ratio',
    label: 'Hit ratio %',
    color: COLORS.ratio,
    value: hitRatio,
    style: { yAxisID: 'ratio', borderDash: [4, 3], borderWidth: 2 },
  },
];

/** (c) The stage cache: hits, misses and backend calls per second, with the hit ratio on its own axis. */
export const cacheSpec: ChartSpec = {
  id: 'cache',
  title: 'Cache and integration',
  lines: () => LINES,
  options() {
    const options = baseOptions({ title: 'per second' }, true);
    options.scales = {
      ...options.scales,
      ratio: {
        type: 'linear',
        position: 'right',
        min: 0,
        max: 100,
        title: { display: true, text: 'hit ratio %' },
        ticks: {},
        grid: { drawOnChartArea: false },
      },
    };
    return options;
  },
};
