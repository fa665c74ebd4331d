import type { RunReport, SeriesPoint } from '../run/report-types.ts';

const COUNTER_COLUMNS: Array<[string, (p: SeriesPoint) => number]> = [
  ['t', (p) => p.t],
  ['offered', (p) => p.offered],
  ['sent', (p) => p.sent],
  ['ok', (p) => p.ok],
  ['throttled', (p) => p.throttled],
  ['throttledBy.usagePlan', (p) => p.throttledBy.usagePlan],
  ['throttledBy.stage', (p) => p.throttledBy.stage],
  ['throttledBy.account', (p) => p.throttledBy.account],
  ['quotaExceeded', (p) => p.quotaExceeded],
  ['forbidden', (p) => p.forbidden],
  ['notFound', (p) => p.notFound],
  ['clientErrors', (p) => p.clientErrors],
  ['serverErrors', (p) => p.serverErrors],
  ['cacheHits', (p) => p.cacheHits],
  ['cacheMisses', (p) => p.cacheMisses],
  ['integrationCalls', (p) => p.integrationCalls],
  ['retries', (p) => p.retries],
  ['latencyMs.p50', (p) => p.latencyMs.p50],
  ['latencyMs.p90', (p) => p.latencyMs.p90],
  ['latencyMs.p99', (p) => p.latencyMs.p99],
  ['latencyMs.max', (p) => p.latencyMs.max],
];

/** Quotes a field when it holds a comma, quote or line break (RFC 4180); bucket ids may hold commas. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every bucket id: the report's, then any that only the series mentions, in first-seen order. */
function bucketIds(report: RunReport): string[] {
  const ids = new Set(Object.keys(report.buckets));
  for (const point of report.series) for (const id of Object.keys(point.buckets)) ids.add(id);
  return [...ids];
}

/**
 * The per-second series as CSV: a header row, then one row per second with the counters, latency
 * percentiles and each bucket's level at the end of the second (one column per bucket id, empty
 * when the bucket had no level that second). Lines end with `\n`.
 */
export function renderSeriesCsv(report: RunReport): string {
  const ids = bucketIds(report);
  const header = [...COUNTER_COLUMNS.map(([name]) => name), ...ids].map(field).join(',');
  const rows = report.series.map((point) => {
    const counters = COUNTER_COLUMNS.map(([, pick]) => String(pick(point)));
    const levels = ids.map((id) => {
      const level = point.buckets[id];
      return level === undefined ? '' : String(level);
    });
    return [...counters, ...levels].join(',');
  });
  return `${[header, ...rows].join('\n')}\n`;
}
