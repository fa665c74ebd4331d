// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../../core/engine/report/html-report.ts';
import type { RunReport } from '../../../../core/engine/run/report-types.ts';
import { example, flashSaleReport, runReport } from './flash-sale.ts';

const report = flashSaleReport();
const html = renderHtmlReport(report);
const parse = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');
const doc = parse(html);

const rows = (testId: string) => doc.querySelectorAll(`[data-testid="${testId}"] tbody tr`).length;
const text = (selector: string) => doc.querySelector(selector)?.textContent ?? '';

describe('renderHtmlReport', () => {
  it('needs nothing from outside: no URL, no script, no linked resource, and a CSP that forbids loads', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<iframe|<img|@import|url\(/i);
    expect(doc.querySelectorAll('[src], [href]')).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.querySelectorAll('style')).toHaveLength(1);
  });

  it('draws the charts as inline SVG: traffic by layer, the buckets that dipped, cache and latency', () => {
    const charts = Array.from(doc.querySelectorAll('figure.chart')).map((f) => f.getAttribute('data-testid'));
    expect(charts.slice(0, 1)).toEqual(['chart-traffic']);
    expect(charts.slice(-2)).toEqual(['chart-cache', 'chart-latency']);
    const buckets = charts.filter((id) => id?.startsWith('chart-bucket-'));
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    expect(buckets.length).toBeLessThanOrEqual(9);
    expect(doc.querySelectorAll('figure.chart svg')).toHaveLength(charts.length);
    for (const svg of Array.from(doc.querySelectorAll('figure.chart svg'))) {
      expect(Number(svg.getAttribute('width'))).toBeGreaterThan(0);
      expect(svg.querySelectorAll('path').length).toBeGreaterThan(0);
    }
    const legend = Array.from(doc.querySelectorAll('[data-testid="chart-traffic"] .legend li')).map(
      (li) => li.textContent,
    );
    expect(legend).toEqual([
      'admitted',
      'throttled: usage plan',
      'throttled: stage',
      'throttled: account',
      'quota exceeded',
      'offered (first attempts)',
    ]);
    expect(text('[data-testid="chart-bucket-0"] figcaption')).toContain('stage:petstore/prod:GET /pets/{id}');
    expect(text('#charts')).toContain('Stayed above 95% of their burst: ');
  });

  it('has the tables per client, per route, quotas, buckets, and the config and scenario summaries', () => {
    expect(rows('table-clients')).toBe(3);
    expect(rows('table-routes')).toBe(report.byRoute.length);
    expect(rows('table-quotas')).toBe(3);
    expect(rows('table-buckets')).toBe(Object.keys(report.buckets).length);
    expect(rows('table-apis')).toBe(1);
    expect(rows('table-config-routes')).toBe(3);
    expect(rows('table-stages')).toBe(2);
    expect(rows('table-plans')).toBe(2);
    expect(rows('table-keys')).toBe(3);
    expect(rows('table-mix')).toBe(2);
    expect(text('[data-testid="table-stages"]')).toContain('GET /pets/{id}: 80/s, burst 160');
    expect(text('[data-testid="table-plans"]')).toContain('petstore/prod (POST /pets: 10/s, burst 20)');
    expect(text('[data-testid="table-keys"]')).not.toContain('0123456789');
    const bob = Array.from(doc.querySelectorAll('[data-testid="table-clients"] tbody tr'))[1];
    expect(bob?.querySelector('td')?.textContent).toBe('bob');
    expect(bob?.querySelectorAll('td')[1]?.textContent).toBe(report.byClient['bob']!.sent.toLocaleString('en-US'));
  });

  it('lists the checks with pass and fail', () => {
    expect(text('[data-testid="checks-verdict"]')).toBe('1 of 2 checks failed.');
    const results = Array.from(doc.querySelectorAll('[data-testid="table-checks"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
    );
    expect(results.map((r) => r.slice(0, 2))).toEqual([
      ['✓ pass', 'p99<1000'],
      ['✗ fail', 'throttledRatio<0.01'],
    ]);
  });

  it('shows the cost estimate with its prices, per API, and the free-tier note', () => {
    const cost = report.cost!;
    expect(text('[data-testid="cost-total"]')).toContain(`$${cost.total.toFixed(2)}`);
    expect(text('[data-testid="cost-total"]')).toContain(`us-east-1 list prices of ${cost.pricesDate}`);
    expect(rows('table-cost-apis')).toBe(1);
    expect(text('[data-testid="table-cost"]')).toContain('$14.60');
    expect(text('#cost')).toContain('free tier covers 1,000,000 REST');
    expect(text('[data-testid="cards"]')).toContain('cost / month');
    const noPrices = renderHtmlReport({ ...report, cost: null });
    expect(parse(noPrices).querySelector('[data-testid="cost-none"]')).not.toBeNull();
  });

  it('escapes every name from the config and the scenario', () => {
    const config = example('petstore.gatelab.json');
    const hostile = '<img src=x onerror="alert(1)">&amp;';
    const scenario: Record<string, unknown> = {
      ...example('flash-sale.scenario.json'),
      name: '</title><script>alert(2)</script>',
    };
    scenario['clients'] = [{ name: `"><em>${hostile}`, share: 1 }];
    scenario['phases'] = [{ durationSeconds: 2, rate: 5 }];
    const escaped = renderHtmlReport(runReport({ ...config, name: hostile }, scenario));
    expect(escaped).not.toMatch(/<img|<script|<em/i);
    const parsed = parse(escaped);
    expect(parsed.querySelectorAll('img, script, em')).toHaveLength(0);
    expect(parsed.title).toBe('Gatelab report: </title><script>alert(2)</script>');
    expect(parsed.querySelector('#config p')?.textContent).toContain(hostile);
    expect(parsed.querySelector('[data-testid="table-clients"] td')?.textContent).toBe(`"><em>${hostile}`);
  });

  it('is deterministic and keeps a month-long series small', () => {
    expect(renderHtmlReport(flashSaleReport())).toBe(html);
    const point = report.series[45]!;
    const long: RunReport = { ...report, series: Array.from({ length: 50_000 }, (_, t) => ({ ...point, t })) };
    const big = renderHtmlReport(long);
    const paths = Array.from(parse(big).querySelectorAll('figure.chart path'));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(path.getAttribute('d')!.split(/[ML]/).length - 1).toBeLessThanOrEqual(1200);
    expect(big.length).toBeLessThan(500_000);
  });
});
