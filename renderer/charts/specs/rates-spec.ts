import type { SeriesPoint } from '../../lab/types.ts';
import type { LineDataset } from '../chart-adapter.ts';
import type { ChartSpec, SeriesLine } from '../chart-spec.ts';
import { baseOptions, COLORS } from '../chart-theme.ts';

/**
 * Each outcome fills down to the line before it (by dataset index): chart.js's `'stack'` fill mode would count
 * the offered line, which sits first, as part of the stack.
 */
const stacked = (color: string, fill: 'origin' | '-1' = '-1'): Partial<LineDataset> => ({
  stack: 'outcome',
  fill,
  backgroundColor: `${color}99`,
});

/** Requests that got past every throttle layer and the quota. */
const accepted = (p: SeriesPoint) => p.sent - p.throttled - p.quotaExceeded;

const LINES: SeriesLine[] = [
  {
    key: 'offered',
    label: 'Offered (first attempts)',
    color: COLORS.offered,
    value: (p) => p.offered,
    style: { stack: 'offered', borderDash: [6, 3], borderWidth: 2 },
  },
  {
    key: 'accepted',
    label: 'Accepted',
    color: COLORS.accepted,
    value: accepted,
    style: stacked(COLORS.accepted, 'origin'),
  },
  {
    key: 'usagePlan',
    label: 'Throttled · usage plan',
    color: COLORS.usagePlan,
    value: (p) => p.throttledBy.usagePlan,
    style: stacked(COLORS.usagePlan),
  },
  {
    key: 'stage',
    label: 'Throttled · stage',
    color: COLORS.stage,
    value: (p) => p.throttledBy.stage,
    style: stacked(COLORS.stage),
  },
  {
    key: 'account',
    label: 'Throttled · account',
    color: COLORS.account,
    value: (p) => p.throttledBy.account,
    style: stacked(COLORS.account),
  },
  {
    key: 'quota',
    label: 'Quota exceeded',
    color: COLORS.quota,
    value: (p) => p.quotaExceeded,
    style: stacked(COLORS.quota),
  },
];

/**
 * (a) Requests per second: what came in, what got through, and what each throttle layer and the quota
 * turned away, stacked so the outcomes add up to everything sent (retries included).
 */
export const ratesSpec: ChartSpec = {
  id: 'rates',
  title: 'Requests per second',
  lines: () => LINES,
  options() {
    const options = baseOptions({ title: 'requests/s' }, false);
    const y = options.scales?.['y'];
    // Stacking needs every line on the same x values, which decimation would break.
    if (y) y.stacked = true;
    return options;
  },
};
