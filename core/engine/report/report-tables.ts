import type { RunReport, Totals } from '../run/report-types.ts';
import { ms, percent, table, type Cell } from './html.ts';

const TOTALS_HEADERS = [
  'sent',
  'ok',
  'throttled',
  'usage plan',
  'stage',
  'account',
  'quota',
  'forbidden',
  '5xx',
  'cache hits',
  'hit ratio',
  'p50 ms',
  'p99 ms',
];

function totalsCells(t: Totals): Cell[] {
  return [
    t.sent,
    t.ok,
    t.throttled,
    t.throttledBy.usagePlan,
    t.throttledBy.stage,
    t.throttledBy.account,
    t.quotaExceeded,
    t.forbidden,
    t.serverErrors,
    t.cacheHits,
    percent(t.cacheHits, t.cacheHits + t.cacheMisses),
    ms(t.latencyMs.p50),
    ms(t.latencyMs.p99),
  ];
}

/** Totals per scenario client. */
export function clientTable(report: RunReport): string {
  const rows = Object.entries(report.byClient).map(([name, t]) => [name, ...totalsCells(t)]);
  return table('table-clients', ['client', ...TOTALS_HEADERS], rows, 'The scenario has no clients.');
}

/** Totals per API, stage and route key (`–` where a request matched none). */
export function routeTable(report: RunReport): string {
  const rows = report.byRoute.map((r) => [r.apiId ?? '–', r.stage ?? '–', r.routeKey ?? '–', ...totalsCells(r)]);
  return table('table-routes', ['API', 'stage', 'route', ...TOTALS_HEADERS], rows, 'No requests were sent.');
}

/** Each plan and key's quota at the end of the run. */
export function quotaTable(report: RunReport): string {
  const rows = report.quotas.map((q) => [
    q.planId,
    q.keyId,
    q.period,
    q.limit,
    q.used,
    q.remaining,
    percent(q.used, q.limit),
    q.resetsAt,
  ]);
  return table(
    'table-quotas',
    ['plan', 'key', 'period', 'limit', 'used', 'remaining', 'used %', 'resets at (UTC)'],
    rows,
    'No usage plan with a quota was used.',
  );
}

/** Each bucket's limits and its level when the run ended. */
export function bucketTable(report: RunReport): string {
  const rows = Object.entries(report.buckets).map(([id, b]) => [
    id,
    b.rate === -1 ? 'no limit' : b.rate,
    b.burst === -1 ? 'no limit' : b.burst,
    b.level,
  ]);
  return table('table-buckets', ['bucket', 'rate /s', 'burst', 'level at the end'], rows, 'No token buckets.');
}
