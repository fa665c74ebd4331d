import type { RunReport, SeriesPoint } from '../run/report-types.ts';
import { esc } from './html.ts';
import { renderChart } from './svg-chart.ts';

const COLORS = {
  offered: '#1f2937',
  accepted: '#16a34a',
  usagePlan: '#f59e0b',
  stage: '#ef4444',
  account: '#7c3aed',
  quota: '#0ea5e9',
  hits: '#0d9488',
  misses: '#f97316',
  p50: '#2563eb',
  p90: '#9333ea',
  p99: '#dc2626',
  level: '#2563eb',
  burst: '#6b7280',
};

/** Small multiples of this many buckets at most: the ones that came closest to empty. */
const MAX_BUCKET_CHARTS = 9;
/** A bucket drawn must have dipped below this fraction of its burst; a few tokens' dip says nothing. */
const DIPPED = 0.95;

const column = (series: readonly SeriesPoint[], pick: (p: SeriesPoint) => number): number[] => series.map(pick);

function trafficChart(series: readonly SeriesPoint[]): string {
  return renderChart({
    id: 'traffic',
    title: 'Requests per second: admitted, and throttled by layer',
    unit: 'requests/s',
    series: [
      {
        name: 'admitted',
        color: COLORS.accepted,
        kind: 'area',
        values: column(series, (p) => p.sent - p.throttled - p.quotaExceeded),
      },
      {
        name: 'throttled: usage plan',
        color: COLORS.usagePlan,
        kind: 'area',
        values: column(series, (p) => p.throttledBy.usagePlan),
      },
      {
        name: 'throttled: stage',
        color: COLORS.stage,
        kind: 'area',
        values: column(series, (p) => p.throttledBy.stage),
      },
      {
        name: 'throttled: account',
        color: COLORS.account,
        kind: 'area',
        values: column(series, (p) => p.throttledBy.account),
      },
      { name: 'quota exceeded', color: COLORS.quota, kind: 'area', values: column(series, (p) => p.quotaExceeded) },
      {
        name: 'offered (first attempts)',
        color: COLORS.offered,
        kind: 'line',
        values: column(series, (p) => p.offered),
      },
    ],
  });
}

function cacheChart(series: readonly SeriesPoint[]): string {
  return renderChart({
    id: 'cache',
    title: 'Cache hits and misses per second',
    unit: 'requests/s',
    series: [
      { name: 'hits', color: COLORS.hits, kind: 'area', values: column(series, (p) => p.cacheHits) },
      { name: 'misses', color: COLORS.misses, kind: 'area', values: column(series, (p) => p.cacheMisses) },
    ],
  });
}

function latencyChart(series: readonly SeriesPoint[]): string {
  return renderChart({
    id: 'latency',
    title: 'Latency of the responses sent each second',
    unit: 'ms',
    series: (['p50', 'p90', 'p99'] as const).map((p) => ({
      name: p,
      color: COLORS[p],
      kind: 'line' as const,
      values: column(series, (point) => point.latencyMs[p]),
    })),
  });
}

interface BucketTrace {
  id: string;
  burst: number;
  levels: number[];
  lowest: number;
}

/** Each bounded bucket's level per second; a second without a reading keeps the last one (buckets start full). */
function bucketTraces(report: RunReport): BucketTrace[] {
  const traces: BucketTrace[] = [];
  for (const [id, bucket] of Object.entries(report.buckets)) {
    if (bucket.burst <= 0 || bucket.rate === -1) continue;
    let last = bucket.burst;
    const levels = report.series.map((p) => (last = p.buckets[id] ?? last));
    traces.push({
      id,
      burst: bucket.burst,
      levels,
      lowest: levels.reduce((low, l) => Math.min(low, l), bucket.burst) / bucket.burst,
    });
  }
  return traces;
}

function bucketCharts(report: RunReport): string {
  const traces = bucketTraces(report);
  const dipped = traces.filter((t) => t.lowest < DIPPED).sort((a, b) => a.lowest - b.lowest);
  const shown = dipped.slice(0, MAX_BUCKET_CHARTS);
  const charts = shown.map((t, index) =>
    renderChart({
      id: `bucket-${index}`,
      title: t.id,
      unit: 'tokens',
      width: 370,
      height: 160,
      series: [
        { name: 'level', color: COLORS.level, kind: 'line', values: t.levels },
        {
          name: `burst ${t.burst}`,
          color: COLORS.burst,
          kind: 'line',
          dashed: true,
          values: t.levels.map(() => t.burst),
        },
      ],
    }),
  );
  const full = traces.filter((t) => t.lowest >= DIPPED).map((t) => t.id);
  const notes = [
    dipped.length > shown.length ? `${dipped.length - shown.length} more buckets dipped; the CSV has every level.` : '',
    full.length > 0 ? `Stayed above 95% of their burst: ${full.join(', ')}.` : '',
  ].filter((n) => n !== '');
  const note = notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n');
  if (charts.length === 0) return `<p class="empty">No bucket dropped below 95% of its burst.</p>\n${note}`;
  return `<div class="multiples">\n${charts.join('\n')}\n</div>\n${note}`;
}

/** Charts plot one column per second; longer idle stretches than this stay compressed. */
const MAX_FILLED_SECONDS = 10_000;

/**
 * The series with idle seconds (left out of reports) filled with empty points, so a quiet stretch shows as
 * a gap on the time axis instead of vanishing. Bucket levels are left empty there: the last reading carries.
 */
function withIdleSeconds(series: readonly SeriesPoint[]): readonly SeriesPoint[] {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last || last.t - first.t + 1 === series.length || last.t - first.t >= MAX_FILLED_SECONDS)
    return series;
  const filled: SeriesPoint[] = [];
  let next = 0;
  for (let t = first.t; t <= last.t; t++) {
    const point = series[next];
    if (point && point.t === t) {
      filled.push(point);
      next++;
    } else {
      filled.push({ ...idlePoint(first), t });
    }
  }
  return filled;
}

function idlePoint(shape: SeriesPoint): SeriesPoint {
  const zero = (value: unknown): unknown =>
    typeof value === 'number'
      ? 0
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zero(v)]))
        : value;
  return { ...(zero(shape) as SeriesPoint), buckets: {} };
}

/** The charts section's body: traffic by layer, bucket levels against their bursts, cache, latency. */
export function renderCharts(report: RunReport): string {
  const series = withIdleSeconds(report.series);
  return [
    trafficChart(series),
    '<h3>Token buckets: level against burst</h3>',
    bucketCharts({ ...report, series: [...series] }),
    cacheChart(series),
    latencyChart(series),
  ].join('\n');
}
