import type { GatewayConfig } from '../config/schema.ts';
import type { CostEstimate } from '../cost/cost-types.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Counters } from './counters.ts';

export interface LatencyPercentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** SPEC §8 `totals`. */
export type Totals = Counters & { latencyMs: LatencyPercentiles };

/** One second of a run: counters of the requests that arrived in it, latency of the responses sent in it. */
export interface SeriesPoint extends Counters {
  /** Seconds since the start. */
  t: number;
  /** First attempts that arrived in this second (the offered load). */
  offered: number;
  latencyMs: LatencyPercentiles;
  /** Each bucket's token level at the end of the second, by bucket id (SPEC §9). */
  buckets: Record<string, number>;
}

export interface RouteTotals extends Totals {
  apiId: string | null;
  stage: string | null;
  routeKey: string | null;
}

export interface QuotaReport {
  planId: string;
  keyId: string;
  limit: number;
  period: 'DAY' | 'WEEK' | 'MONTH';
  used: number;
  remaining: number;
  /** ISO-8601 UTC. */
  resetsAt: string;
}

export interface CheckResult {
  expression: string;
  ok: boolean;
  observed: number;
}

/** The `--report` file (SPEC §8, formatVersion 1). */
export interface RunReport {
  formatVersion: 1;
  mode: 'virtual' | 'live';
  seed: number;
  config: GatewayConfig;
  scenario: Scenario;
  /** ISO-8601 UTC; in virtual mode, the scenario's `startTime`. */
  startedAt: string;
  durationSeconds: number;
  totals: Totals;
  series: SeriesPoint[];
  buckets: Record<string, { rate: number; burst: number; level: number }>;
  byClient: Record<string, Totals>;
  byRoute: RouteTotals[];
  quotas: QuotaReport[];
  /** The month's cost at the run's average rate; null when no price table was given. */
  cost: CostEstimate | null;
  checks: CheckResult[];
}
