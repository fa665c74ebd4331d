import type { CacheClusterSize } from './tiered-cost.ts';

/** An amount per protocol and in total, in the price table's currency or in requests. */
export interface ByProtocol {
  REST: number;
  HTTP: number;
  total: number;
}

/** The monthly price of one stage's cache cluster: `hourly × hoursPerMonth`, whatever the traffic. */
export interface CacheStageCost {
  stage: string;
  size: CacheClusterSize;
  hourly: number;
  monthly: number;
}

/** One API's part of the estimate. */
export interface ApiCost {
  apiId: string;
  protocol: 'REST' | 'HTTP';
  /** Billed requests in the run (see {@link CostEstimate}). */
  runRequests: number;
  monthlyRequests: number;
  /** This API's share of its protocol's tiered request cost, in proportion to its monthly requests. */
  requestCost: number;
  cacheStages: CacheStageCost[];
  cacheCost: number;
  /** Cache hits in the run, extrapolated to a month: backend calls the cache saves. */
  cacheSavedCalls: number;
  total: number;
}

/**
 * The report's `cost`: the run's traffic extrapolated to a month at its average rate, priced with a
 * dated regional price table (`data/prices-us-east-1.json`).
 *
 * - **Billed requests** are every request except those AWS doesn't charge for: throttle and quota 429s,
 *   and 403 Forbidden (a missing, unknown or disabled API key). Requests that matched no API are left out.
 * - **Extrapolation:** `factor = monthSeconds / durationSeconds` with a 30-day month (2,592,000 s);
 *   `monthlyRequests = round(runRequests × factor)` per API. A zero-length run has factor 0.
 * - **Request cost** per protocol: the month's requests of all APIs of that protocol fill the tiers in order
 *   (REST: 333M at $3.50/M, the next 667M at $2.80/M, the next 19B at $2.38/M, then $1.51/M; HTTP: 300M at
 *   $1.00/M, then $0.90/M); `Σ min(remaining, tier size) / 1e6 × tier price`.
 * - **Cache cost:** each REST stage with `cacheClusterEnabled` costs `cacheHourly[size] × hoursPerMonth` (730).
 * - `total = requestCost.total + cacheCost`. The free tier is not deducted; `freeTierNote` says what it is worth.
 * - `cacheSavedCalls = round(cacheHits × factor)`; with a backend price per million calls,
 *   `backendSavings.monthly = cacheSavedCalls / 1e6 × perMillion`.
 *
 * Money is rounded to 1e-9 to keep float noise out of the JSON.
 */
export interface CostEstimate {
  pricesDate: string;
  region: string;
  currency: string;
  /** Seconds in the month the run is extrapolated to: 30 days. */
  monthSeconds: number;
  /** `monthSeconds / durationSeconds`, or 0 for a zero-length run. */
  factor: number;
  monthlyRequests: ByProtocol;
  requestCost: ByProtocol;
  cacheCost: number;
  total: number;
  freeTierNote: string;
  cacheSavedCalls: number;
  backendSavings: { perMillion: number; monthly: number } | null;
  perApi: ApiCost[];
}
