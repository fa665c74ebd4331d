/** At most this many points per drawn series: a month-long run still makes a small file. */
export const MAX_POINTS = 600;

/**
 * Averages `values` into at most `maxPoints` bins of `binSize` consecutive values (the last bin may be
 * shorter). Averages keep a stacked chart's layers adding up.
 */
export function downsample(values: readonly number[], maxPoints = MAX_POINTS): { binSize: number; values: number[] } {
  const binSize = Math.max(1, Math.ceil(values.length / maxPoints));
  if (binSize === 1) return { binSize, values: values.slice() };
  const out: number[] = [];
  for (let start = 0; start < values.length; start += binSize) {
    const bin = values.slice(start, start + binSize);
    out.push(bin.reduce((sum, v) => sum + v, 0) / bin.length);
  }
  return { binSize, values: out };
}

/** A round step near `raw`: 1, 2 or 5 times a power of ten. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
}

/** About `count` round ticks from 0 to at least `max`; the last tick is the axis top. */
export function niceTicks(max: number, count = 4): number[] {
  const step = niceStep(max > 0 && Number.isFinite(max) ? max / count : 1 / count);
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < max; i++) ticks.push(Number((i * step).toPrecision(12)));
  if (ticks.length === 1) ticks.push(Number(step.toPrecision(12)));
  return ticks;
}

/** A tick label: grouped thousands (`12k` from 10,000 up) and no float noise. */
export function tickLabel(value: number): string {
  if (Math.abs(value) >= 10_000) return `${Number((value / 1000).toPrecision(6))}k`;
  return String(Number(value.toPrecision(6)));
}
