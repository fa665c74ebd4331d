const counts = new Intl.NumberFormat('en-US');

/** `12,345`, or an em dash when there is nothing to show yet. */
export function formatCount(value: number | undefined): string {
  return value === undefined ? '—' : counts.format(value);
}

/** `part` as a percentage of `whole`, one decimal; an em dash when `whole` is 0. */
export function formatPercent(part: number | undefined, whole: number | undefined): string {
  if (part === undefined || whole === undefined || whole === 0) return '—';
  return `${((100 * part) / whole).toFixed(1)} %`;
}

/** Milliseconds, to a precision that suits their size. */
export function formatMs(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ms`;
}

/** Seconds as `42 s`, `12 min 5 s` or `1 h 3 min`. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}
