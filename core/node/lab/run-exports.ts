import type { ExportedFile, ExportFormat, RunTick } from '../../contract/lab-api.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { estimateCost, type CostOptions, type PriceTable } from '../../engine/cost/index.ts';
import { renderHtmlReport, renderSeriesCsv } from '../../engine/report/index.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { slug, type RunMeta } from './run-summary.ts';

/** The config with a `tested` block recording the run that exercised it (SPEC §2); it still passes `parseConfig`. */
export function testedConfig(report: RunReport, meta: RunMeta): RunReport['config'] {
  const { totals } = report;
  const looked = totals.cacheHits + totals.cacheMisses;
  return {
    ...report.config,
    tested: {
      scenario: report.scenario.name,
      mode: report.mode,
      seed: report.seed,
      date: meta.savedAt ?? new Date().toISOString(),
      totals: {
        sent: totals.sent,
        ok: totals.ok,
        throttled: totals.throttled,
        quotaExceeded: totals.quotaExceeded,
        serverErrors: totals.serverErrors,
        cacheHitRatio: looked === 0 ? 0 : Number((totals.cacheHits / looked).toFixed(4)),
        p99: totals.latencyMs.p99,
      },
    },
  };
}

/** How the lab host prices runs: the price table loaded once (null when it couldn't be), and a run's backend cost. */
export interface RunPricing {
  prices: PriceTable | null;
  backendCostPerMillion?: number | undefined;
}

const costOptions = (pricing: RunPricing): CostOptions =>
  pricing.backendCostPerMillion === undefined ? {} : { backendCostPerMillion: pricing.backendCostPerMillion };

/**
 * The report with its `cost` estimated the way `gatelab run` does (`buildReport` with a price table), whatever
 * built it: a run driver doesn't price its reports, the lab host does. Without a price table the report is kept.
 * `config` is what is priced: the run's own, or the one in force at its end after a hot-apply.
 */
export function pricedReport(report: RunReport, pricing: RunPricing, config = report.config): RunReport {
  if (pricing.prices === null) return report;
  const { durationSeconds, byRoute } = report;
  return { ...report, cost: estimateCost({ config, durationSeconds, byRoute }, pricing.prices, costOptions(pricing)) };
}

/** A saved report from before the lab host priced reports gets its estimate now (without a backend cost). */
export function pricedSaved(report: RunReport | null, prices: PriceTable | null): RunReport | null {
  return report === null || report.cost !== null ? report : pricedReport(report, { prices });
}

/** A dashboard tick with the month's cost at the average rate so far, for the config now in force. */
export function pricedTick(tick: RunTick, config: GatewayConfig, pricing: RunPricing): RunTick {
  if (pricing.prices === null) return tick;
  const input = { config, durationSeconds: tick.simulatedMs / 1000, byRoute: tick.byRoute };
  return { ...tick, cost: estimateCost(input, pricing.prices, costOptions(pricing)) };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One export of a finished or stopped run, as a file for the host to save or the browser to download. */
export function exportReport(report: RunReport, meta: RunMeta, format: ExportFormat): ExportedFile {
  const base = `${slug(meta.name)}-${meta.runId}`;
  const configBase = slug(report.config.name);
  switch (format) {
    case 'report-json':
      return { fileName: `${base}.report.json`, mimeType: 'application/json', text: json(report) };
    case 'report-html':
      return { fileName: `${base}.report.html`, mimeType: 'text/html', text: renderHtmlReport(report) };
    case 'series-csv':
      return { fileName: `${base}.series.csv`, mimeType: 'text/csv', text: renderSeriesCsv(report) };
    case 'config-json':
      return { fileName: `${configBase}.gatelab.json`, mimeType: 'application/json', text: json(report.config) };
    case 'tested-config-json':
      return {
        fileName: `${configBase}.tested.gatelab.json`,
        mimeType: 'application/json',
        text: json(testedConfig(report, meta)),
      };
  }
}
