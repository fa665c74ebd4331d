import type { BucketSnapshot } from '../../../core/contract/lab-api.ts';
import type { RunSeries } from '../../store/run-series.ts';
import type { ChartSpec, SeriesLine } from '../chart-spec.ts';
import { baseOptions, COLORS, PALETTE } from '../chart-theme.ts';

/** Every bucket as a share of its capacity, or one bucket in tokens. */
export type BucketView = { kind: 'all' } | { kind: 'one'; id: string };

const percentTick = (value: string | number) => (Number(value) <= 100 ? `${value}` : '');

const capacityStyle = { borderDash: [2, 4], borderWidth: 1.5, order: 10 };

function percentLines(series: RunSeries): SeriesLine[] {
  const lines: SeriesLine[] = [];
  let i = 0;
  for (const bucket of series.buckets.values()) {
    const { id } = bucket;
    if (!series.drained.has(id)) continue;
    lines.push({
      key: id,
      label: bucket.label,
      color: PALETTE[i++ % PALETTE.length]!,
      value: (p) => {
        const level = p.buckets[id];
        // The burst as of now, not as of the line's creation: a hot-apply may have changed it.
        const burst = series.buckets.get(id)?.burst ?? bucket.burst;
        if (level === undefined) return null;
        return burst > 0 ? (100 * level) / burst : 0;
      },
    });
  }
  if (series.buckets.size > 0) {
    lines.push({
      key: 'capacity',
      label: 'Capacity (burst)',
      color: COLORS.capacity,
      value: () => 100,
      style: capacityStyle,
    });
  }
  return lines;
}

function oneBucketLines(series: RunSeries, bucket: BucketSnapshot | undefined): SeriesLine[] {
  if (!bucket) return [];
  const { id } = bucket;
  return [
    { key: id, label: `${bucket.label} · tokens`, color: PALETTE[0]!, value: (p) => p.buckets[id] ?? null },
    {
      key: 'capacity',
      label: `Capacity (burst ${bucket.burst})`,
      color: COLORS.capacity,
      value: () => series.buckets.get(id)?.burst ?? bucket.burst,
      style: capacityStyle,
    },
  ];
}

/**
 * (b) Token-bucket levels against their capacity. Buckets of one run differ by orders of magnitude (an
 * account burst of 5000 next to a plan burst of 10), so all of them together are drawn as a share of their
 * burst, and one bucket picked alone in tokens against its burst line. A bucket gets its own line in the
 * overview once it has spent tokens: a dozen lines pinned at 100 % would bury the ones that move.
 */
export function bucketsSpec(view: BucketView): ChartSpec {
  return {
    id: 'buckets',
    title: 'Token buckets',
    lines: (series) =>
      view.kind === 'all' ? percentLines(series) : oneBucketLines(series, series.buckets.get(view.id)),
    options() {
      const options = baseOptions({ title: view.kind === 'all' ? '% of burst' : 'tokens' }, true);
      const y = options.scales?.['y'];
      // Headroom above the capacity line, which would otherwise sit on the chart's top edge.
      if (y)
        Object.assign(
          y,
          view.kind === 'one' ? { grace: '8%' } : { max: 110, ticks: { stepSize: 25, callback: percentTick } },
        );
      return options;
    },
  };
}
