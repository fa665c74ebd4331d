import type { ChartOptions } from 'chart.js';
import type { CurvePoint, RecommendResult } from '../../core/contract/lab-api.ts';
import type { LineDataset } from '../charts/chart-adapter.ts';
import { baseOptions, COLORS } from '../charts/chart-theme.ts';
import type { ChartAnnotation } from './annotation-plugin.ts';

/** The goal's name and threshold: `throttledRatio<=0.01` → `throttledRatio`, 0.01. */
export function parseGoal(goal: string): { name: string; threshold: number | null } {
  const match = /^\s*([A-Za-z.0-9]+)\s*(<=|>=|==|<|>)\s*(-?[0-9.eE+-]+)\s*$/.exec(goal);
  if (!match) return { name: goal, threshold: null };
  const threshold = Number(match[3]);
  return { name: match[1]!, threshold: Number.isFinite(threshold) ? threshold : null };
}

/** Rate on x, the goal's value on y. */
export function curveOptions(): ChartOptions<'line'> {
  const options = baseOptions({ title: 'goal value' }, false);
  const x = options.scales?.['x'];
  if (x && 'title' in x && x.title) x.title.text = 'rate (req/s)';
  if (x) x.ticks = { ...x.ticks, precision: 2 };
  if (options.elements?.point) options.elements.point.radius = 3;
  return options;
}

/** The goal value at each rate tried, sorted by rate, with the goal's threshold as a flat line. */
export function curveDatasets(points: readonly CurvePoint[], goal: string): LineDataset[] {
  const burst = points[0]?.burst;
  const sorted = [...new Map([...points].filter((p) => p.burst === burst).map((p) => [p.rate, p])).values()].sort(
    (a, b) => a.rate - b.rate,
  );
  const { name, threshold } = parseGoal(goal);
  const data = sorted.map((p) => ({ x: p.rate, y: p.value }));
  const sets: LineDataset[] = [
    {
      label: `${name} (burst ${burst ?? '–'})`,
      data,
      borderColor: COLORS.offered,
      backgroundColor: `${COLORS.offered}55`,
      pointRadius: 3,
      pointBackgroundColor: sorted.map((p) => (p.met ? COLORS.accepted : COLORS.account)),
      fill: false,
    },
  ];
  if (threshold !== null && data.length > 0) {
    const xs = data.map((d) => d.x);
    sets.push({
      label: `goal ${goal}`,
      data: [
        { x: Math.min(...xs), y: threshold },
        { x: Math.max(...xs), y: threshold },
      ],
      borderColor: COLORS.capacity,
      borderDash: [4, 4],
      pointRadius: 0,
      fill: false,
    });
  }
  return sets;
}

/** A line at the recommended rate. */
export function curveAnnotations(result: RecommendResult | null): ChartAnnotation[] {
  if (!result?.limits) return [];
  return [{ x: result.limits.rate, label: `recommended ${result.limits.rate} req/s` }];
}
