import { formatMoney } from '../cost/format-cost.ts';
import type { CheckResult, RunReport } from '../run/report-types.ts';
import { configSummary } from './config-summary.ts';
import { costSection } from './cost-section.ts';
import { esc, formatNumber, ms, percent, section, table } from './html.ts';
import { renderCharts } from './report-charts.ts';
import { REPORT_CSS } from './report-styles.ts';
import { bucketTable, clientTable, quotaTable, routeTable } from './report-tables.ts';
import { scenarioSummary } from './scenario-summary.ts';

/** Nothing may load: no script, font, image or connection; only the inline styles and data: images. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function card(label: string, value: string, detail = ''): string {
  const extra = detail === '' ? '' : ` <span class="meta">${esc(detail)}</span>`;
  return `<div class="card">${esc(label)}<b>${esc(value)}</b>${extra}</div>`;
}

function cards(report: RunReport): string {
  const t = report.totals;
  const hitsAndMisses = t.cacheHits + t.cacheMisses;
  const list = [
    card('sent', formatNumber(t.sent), `${formatNumber(t.retries)} retries`),
    card('ok (2xx)', percent(t.ok, t.sent), formatNumber(t.ok)),
    card('throttled (429)', percent(t.throttled, t.sent), formatNumber(t.throttled)),
    card('quota exceeded', percent(t.quotaExceeded, t.sent), formatNumber(t.quotaExceeded)),
    card('cache hit ratio', percent(t.cacheHits, hitsAndMisses), `${formatNumber(t.cacheHits)} hits`),
    card('latency p99', `${ms(t.latencyMs.p99)} ms`, `p50 ${ms(t.latencyMs.p50)} · max ${ms(t.latencyMs.max)}`),
  ];
  if (report.cost) list.push(card('cost / month', formatMoney(report.cost.total, report.cost.currency)));
  return `<div class="cards" data-testid="cards">\n${list.join('\n')}\n</div>`;
}

function checksSection(checks: readonly CheckResult[]): string {
  if (checks.length === 0) return '<p class="empty" data-testid="table-checks">No assertions were given.</p>';
  const failed = checks.filter((c) => !c.ok).length;
  const verdict =
    failed === 0
      ? `<p class="pass" data-testid="checks-verdict">All ${checks.length} checks passed.</p>`
      : `<p class="fail" data-testid="checks-verdict">${failed} of ${checks.length} checks failed.</p>`;
  const rows = checks.map((c) => [
    { html: c.ok ? '<span class="pass">✓ pass</span>' : '<span class="fail">✗ fail</span>' },
    { html: `<code>${esc(c.expression)}</code>` },
    Number(c.observed.toPrecision(6)),
  ]);
  return `${verdict}\n${table('table-checks', ['result', 'assertion', 'observed'], rows)}`;
}

/**
 * Renders a run report as one self-contained HTML page: inline CSS, charts as inline SVG, no script and
 * no external reference, so it opens offline and its CSP forbids any load. Every name from the config or
 * the scenario is escaped. Deterministic: the same report gives the same bytes.
 */
export function renderHtmlReport(report: RunReport): string {
  const title = `Gatelab report: ${report.scenario.name}`;
  const meta =
    `${report.config.name} · ${report.mode} · seed ${report.seed} · started ${report.startedAt} · ` +
    `${formatNumber(report.durationSeconds)} s`;
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(meta)}</p></header>`,
    cards(report),
    section('charts', 'Charts', renderCharts(report)),
    section('checks', 'Checks', checksSection(report.checks)),
    section('cost', 'Cost estimate', costSection(report.cost)),
    section('clients', 'Per client', clientTable(report)),
    section('routes', 'Per route', routeTable(report)),
    section('quotas', 'Quotas', quotaTable(report)),
    section('buckets', 'Token buckets at the end', bucketTable(report)),
    section('config', 'Config', configSummary(report.config)),
    section('scenario', 'Scenario', scenarioSummary(report.scenario)),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
