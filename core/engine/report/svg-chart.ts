import { downsample, niceTicks, tickLabel } from './chart-scale.ts';
import { esc } from './html.ts';

/** One drawn series: a filled layer of a stack (`area`) or a line on top (`line`). */
export interface ChartSeries {
  name: string;
  color: string;
  values: readonly number[];
  kind: 'area' | 'line';
  dashed?: boolean;
}

/** A chart over time, one value per second. Areas stack in order; lines are drawn over them unstacked. */
export interface ChartSpec {
  id: string;
  title: string;
  /** The y axis's unit, shown in the title line. */
  unit: string;
  series: readonly ChartSeries[];
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 10, top: 8, bottom: 22 };

const coordinate = (n: number): string => String(Math.round(n * 10) / 10);

interface Frame {
  x: (second: number) => number;
  y: (value: number) => number;
  width: number;
  height: number;
}

function pathThrough(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${i === 0 ? 'M' : 'L'}${coordinate(x)} ${coordinate(ys[i] ?? 0)}`).join(' ');
}

type Binned = ChartSeries & { points: number[] };

function stackedLayers(series: readonly Binned[], frame: Frame, centers: readonly number[]): string[] {
  let below: number[] = centers.map(() => 0);
  const out: string[] = [];
  for (const s of series) {
    const top = below.map((b, i) => b + (s.points[i] ?? 0));
    const xs = centers.map(frame.x);
    const upper = pathThrough(xs, top.map(frame.y));
    const lower = pathThrough(xs.slice().reverse(), below.slice().reverse().map(frame.y)).replace(/^M/, 'L');
    out.push(`<path d="${upper} ${lower} Z" fill="${esc(s.color)}" fill-opacity="0.75" stroke="none"/>`);
    below = top;
  }
  return out;
}

function axes(frame: Frame, ticks: readonly number[], seconds: number): string[] {
  const out: string[] = [];
  const left = PAD.left;
  const right = frame.width - PAD.right;
  for (const tick of ticks) {
    const y = coordinate(frame.y(tick));
    out.push(`<line x1="${left}" x2="${coordinate(right)}" y1="${y}" y2="${y}" class="grid"/>`);
    out.push(`<text x="${left - 4}" y="${y}" class="ylabel">${esc(tickLabel(tick))}</text>`);
  }
  for (const t of niceTicks(seconds, 6)) {
    if (t > seconds) break;
    const x = coordinate(frame.x(t));
    out.push(`<text x="${x}" y="${frame.height - 6}" class="xlabel">${esc(tickLabel(t))} s</text>`);
  }
  return out;
}

/**
 * Draws a chart as inline SVG (no script, no external reference), sized by attributes so it renders
 * at a real size in any browser.
 */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 760;
  const height = spec.height ?? 220;
  const seconds = Math.max(1, ...spec.series.map((s) => s.values.length));
  const series: Binned[] = spec.series.map((s) => ({ ...s, points: downsample(s.values).values }));
  const areas = series.filter((s) => s.kind === 'area');
  const lines = series.filter((s) => s.kind === 'line');
  const bins = downsample(new Array<number>(seconds).fill(0));
  const centers = bins.values.map((_, i) => Math.min(seconds, i * bins.binSize + bins.binSize / 2));
  const stackTop = centers.map((_, i) => areas.reduce((sum, s) => sum + (s.points[i] ?? 0), 0));
  const lineMax = lines.flatMap((s) => s.points);
  const ticks = niceTicks(Math.max(0, ...stackTop, ...lineMax));
  const top = ticks.at(-1) ?? 1;
  const frame: Frame = {
    width,
    height,
    x: (second) => PAD.left + (second / seconds) * (width - PAD.left - PAD.right),
    y: (value) => height - PAD.bottom - (Math.max(0, value) / top) * (height - PAD.top - PAD.bottom),
  };
  const drawn = [...axes(frame, ticks, seconds), ...stackedLayers(areas, frame, centers)];
  for (const s of lines) {
    const d = pathThrough(centers.slice(0, s.points.length).map(frame.x), s.points.map(frame.y));
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    drawn.push(`<path d="${d}" fill="none" stroke="${esc(s.color)}" stroke-width="1.5"${dash}/>`);
  }
  const legend = spec.series
    .map(
      (s) =>
        `<li><span class="swatch${s.dashed ? ' dashed' : ''}" style="--c:${esc(s.color)}"></span>${esc(s.name)}</li>`,
    )
    .join('');
  return [
    `<figure class="chart" data-testid="chart-${esc(spec.id)}">`,
    `<figcaption>${esc(spec.title)} <span class="unit">(${esc(spec.unit)})</span></figcaption>`,
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(spec.title)}">`,
    `<title>${esc(spec.title)}</title>`,
    ...drawn,
    '</svg>',
    `<ul class="legend">${legend}</ul>`,
    '</figure>',
  ].join('\n');
}
