import type { CostEstimate } from '../../engine/cost/cost-types.ts';
import { formatMoney, formatRequests } from '../../engine/cost/format-cost.ts';
import type { CheckResult, RunReport } from '../../engine/run/report-types.ts';

const n = (value: number): string => value.toLocaleString('en-US');
const pct = (part: number, whole: number): string => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`);
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

type Row = [string, string, string?];

/** The cost estimate's rows: the month's total with its parts, and the backend calls the cache saves. */
function costRows(cost: CostEstimate): Row[] {
  const money = (amount: number) => formatMoney(amount, cost.currency);
  const requests = cost.requestCost;
  const savings = cost.backendSavings
    ? ` · ${money(cost.backendSavings.monthly)} at ${money(cost.backendSavings.perMillion)}/M`
    : '';
  return [
    [
      'cost / month',
      money(cost.total),
      `${formatRequests(cost.monthlyRequests.total)} requests (REST ${money(requests.REST)} · HTTP ${money(requests.HTTP)}) · ` +
        `cache ${money(cost.cacheCost)} · ${cost.region} prices of ${cost.pricesDate}, free tier not deducted`,
    ],
    ['cache saves', `${formatRequests(cost.cacheSavedCalls)} calls`, `backend calls a month${savings}`],
  ];
}

/** The end-of-run summary table (stdout). */
export function formatSummary(report: RunReport, wallMs: number): string {
  const t = report.totals;
  const first = t.sent - t.retries;
  const rows: Row[] = [
    ['sent', n(t.sent), `first attempts ${n(first)} · retries ${n(t.retries)}`],
    ['ok (2xx)', n(t.ok), pct(t.ok, t.sent)],
    [
      'throttled (429)',
      n(t.throttled),
      `${pct(t.throttled, t.sent)} · usagePlan ${n(t.throttledBy.usagePlan)} · stage ${n(t.throttledBy.stage)} · account ${n(t.throttledBy.account)}`,
    ],
    ['quota exceeded', n(t.quotaExceeded), pct(t.quotaExceeded, t.sent)],
    ['forbidden / not found', `${n(t.forbidden)} / ${n(t.notFound)}`],
    ['server errors (5xx)', n(t.serverErrors), pct(t.serverErrors, t.sent)],
    [
      'cache',
      `${n(t.cacheHits)} hits`,
      `${n(t.cacheMisses)} misses · hit ratio ${pct(t.cacheHits, t.cacheHits + t.cacheMisses)}`,
    ],
    ['integration calls', n(t.integrationCalls)],
    [
      'latency ms',
      `p50 ${ms(t.latencyMs.p50)}`,
      `p90 ${ms(t.latencyMs.p90)} · p99 ${ms(t.latencyMs.p99)} · max ${ms(t.latencyMs.max)}`,
    ],
    ...(report.cost ? costRows(report.cost) : []),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  const header =
    `${report.scenario.name} · ${report.mode} · seed ${report.seed} · ` +
    `${report.durationSeconds.toFixed(1)} s simulated in ${(wallMs / 1000).toFixed(2)} s`;
  const lines = rows.map(([label, value, extra]) =>
    `  ${label.padEnd(width)}  ${value.padStart(valueWidth)}${extra ? `  ${extra}` : ''}`.trimEnd(),
  );
  return [header, ...lines].join('\n');
}

/** One line per assertion: ✓ or ✗, the expression and the value observed. */
export function formatChecks(checks: readonly CheckResult[]): string {
  return checks
    .map((c) => `${c.ok ? '✓' : '✗'} ${c.expression} (observed ${Number(c.observed.toPrecision(6))})`)
    .join('\n');
}
