const DAY_MS = 86_400_000;

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

/** Start of the calendar period (UTC) that contains `ms`; weeks start on Monday. */
export function periodStart(period: QuotaPeriod, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  if (period === 'DAY') return day * DAY_MS;
  if (period === 'WEEK') {
    // 1970-01-01 was a Thursday, so day 0 is 3 days after a Monday.
    const sinceMonday = (((day + 3) % 7) + 7) % 7;
    return (day - sinceMonday) * DAY_MS;
  }
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** Start of the period after the one that starts at `start`. */
export function periodEnd(period: QuotaPeriod, start: number): number {
  if (period === 'DAY') return start + DAY_MS;
  if (period === 'WEEK') return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}
