import type { GatewayConfig } from '../config/schema.ts';
import { estimateCost } from '../cost/estimate-cost.ts';
import type { PriceTable } from '../cost/price-table.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunRecorder } from './run-recorder.ts';
import type { CheckResult, QuotaReport, RunReport } from './report-types.ts';

export interface ReportInput {
  mode: 'virtual' | 'live';
  seed: number;
  config: GatewayConfig;
  scenario: Scenario;
  startedAt: string;
  /** ms since the start when the run ended. */
  endMs: number;
  /** Where the final bucket levels and quota usage come from. */
  gateway: Pick<Gateway, 'bucketLevels' | 'quotaUsage'>;
  recorder: RunRecorder;
  checks?: CheckResult[];
  /** Prices for the cost estimate (the Node side loads `data/prices-us-east-1.json`); without them `cost` is null. */
  prices?: PriceTable;
  /** What a million backend calls cost, to price the calls the cache saves. */
  backendCostPerMillion?: number;
}

/** Assembles the `--report` document (SPEC §8). Everything in it comes from deterministic sources in virtual mode. */
export function buildReport(input: ReportInput): RunReport {
  const { gateway, recorder, endMs } = input;
  const buckets: RunReport['buckets'] = {};
  for (const bucket of gateway.bucketLevels(endMs)) {
    buckets[bucket.id] = { rate: bucket.rate, burst: bucket.burst, level: bucket.level };
  }
  const quotas: QuotaReport[] = gateway.quotaUsage(endMs).map((q) => ({
    planId: q.planId,
    keyId: q.keyId,
    limit: q.limit,
    period: q.period,
    used: q.used,
    remaining: q.remaining,
    resetsAt: new Date(q.resetsAt).toISOString(),
  }));
  const durationSeconds = endMs / 1000;
  const byRoute = recorder.byRoute();
  const costOptions =
    input.backendCostPerMillion === undefined ? {} : { backendCostPerMillion: input.backendCostPerMillion };
  const cost = input.prices
    ? estimateCost({ config: input.config, durationSeconds, byRoute }, input.prices, costOptions)
    : null;
  return {
    formatVersion: 1,
    mode: input.mode,
    seed: input.seed,
    config: input.config,
    scenario: input.scenario,
    startedAt: input.startedAt,
    durationSeconds,
    totals: recorder.totals(),
    series: recorder.series(),
    buckets,
    byClient: recorder.byClient(),
    byRoute,
    quotas,
    cost,
    checks: input.checks ?? [],
  };
}
