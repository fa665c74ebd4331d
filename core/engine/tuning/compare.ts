import type { Totals } from '../run/report-types.ts';

/** One row of a what-if diff: a figure for A and B and the change. */
export interface DiffRow {
  name: string;
  unit: '%' | 'ms' | 'count';
  a: number;
  b: number;
  delta: number;
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (part / whole) * 100);

/** The figures that decide between two configs (issue: throttled % by layer, p99, cache hit %, integration calls). */
export function diffTotals(a: Totals, b: Totals): DiffRow[] {
  const rows: Array<[string, DiffRow['unit'], (t: Totals) => number]> = [
    ['sent', 'count', (t) => t.sent],
    ['ok', '%', (t) => pct(t.ok, t.sent)],
    ['throttled', '%', (t) => pct(t.throttled, t.sent)],
    ['throttled by usage plan', '%', (t) => pct(t.throttledBy.usagePlan, t.sent)],
    ['throttled by stage', '%', (t) => pct(t.throttledBy.stage, t.sent)],
    ['throttled by account', '%', (t) => pct(t.throttledBy.account, t.sent)],
    ['quota exceeded', '%', (t) => pct(t.quotaExceeded, t.sent)],
    ['cache hit ratio', '%', (t) => pct(t.cacheHits, t.cacheHits + t.cacheMisses)],
    ['integration calls', 'count', (t) => t.integrationCalls],
    ['retries', 'count', (t) => t.retries],
    ['latency p50', 'ms', (t) => t.latencyMs.p50],
    ['latency p99', 'ms', (t) => t.latencyMs.p99],
  ];
  return rows.map(([name, unit, pick]) => {
    const va = pick(a);
    const vb = pick(b);
    return { name, unit, a: va, b: vb, delta: vb - va };
  });
}
