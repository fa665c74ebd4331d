import type { ApiConfig, GatewayConfig } from '../config/schema.ts';
import type { RouteTotals } from '../run/report-types.ts';
import type { ApiCost, CacheStageCost, CostEstimate } from './cost-types.ts';
import { formatCount, formatMoney } from './format-cost.ts';
import type { PriceTable } from './price-table.ts';
import { roundMoney, tieredCost } from './tiered-cost.ts';

/** A 30-day month, in seconds. */
export const MONTH_SECONDS = 30 * 86_400;

/** What the estimate reads from a run: the config, how long it ran and the per-route totals. */
export interface CostInput {
  config: GatewayConfig;
  durationSeconds: number;
  byRoute: readonly RouteTotals[];
}

export interface CostOptions {
  /** What one million backend calls cost the user (in the table's currency), to price the calls the cache saves. */
  backendCostPerMillion?: number;
}

type Protocol = 'REST' | 'HTTP';

// AWS doesn't charge for throttled or quota-limited calls, nor for calls refused for a bad API key.
const billed = (r: RouteTotals): number => r.sent - r.throttled - r.quotaExceeded - r.forbidden;

function cacheStages(api: ApiConfig, prices: PriceTable): CacheStageCost[] {
  if (api.protocol !== 'REST') return [];
  return api.stages
    .filter((stage) => stage.cacheClusterEnabled === true)
    .map((stage) => {
      const size = stage.cacheClusterSize ?? '0.5';
      const hourly = prices.cacheHourly[size];
      return { stage: stage.name, size, hourly, monthly: roundMoney(hourly * prices.hoursPerMonth) };
    });
}

function freeTierNote(monthly: Record<Protocol, number>, prices: PriceTable): string {
  const { freeTier, requestTiers, currency } = prices;
  let worth = 0;
  for (const protocol of ['REST', 'HTTP'] as const) {
    const tiers = requestTiers[protocol];
    worth += tieredCost(monthly[protocol], tiers) - tieredCost(monthly[protocol] - freeTier[protocol], tiers);
  }
  return (
    `Not deducted: in an account's first ${freeTier.months} months the AWS free tier covers ` +
    `${formatCount(freeTier.REST)} REST and ${formatCount(freeTier.HTTP)} HTTP API calls a month, ` +
    `worth ${formatMoney(worth, currency)} at this volume.`
  );
}

/**
 * Estimates what the run's traffic would cost over a month on API Gateway, with `prices` (see
 * {@link CostEstimate} for the formula). Pure and deterministic: the same report and table give the same estimate.
 */
export function estimateCost(input: CostInput, prices: PriceTable, options: CostOptions = {}): CostEstimate {
  const factor = input.durationSeconds > 0 ? MONTH_SECONDS / input.durationSeconds : 0;
  const perApi = input.config.apis.map((api) => {
    const routes = input.byRoute.filter((r) => r.apiId === api.id);
    const runRequests = routes.reduce((sum, r) => sum + billed(r), 0);
    const hits = routes.reduce((sum, r) => sum + r.cacheHits, 0);
    const stages = cacheStages(api, prices);
    return {
      apiId: api.id,
      protocol: api.protocol,
      runRequests,
      monthlyRequests: Math.round(runRequests * factor),
      requestCost: 0,
      cacheStages: stages,
      cacheCost: roundMoney(stages.reduce((sum, s) => sum + s.monthly, 0)),
      cacheSavedCalls: Math.round(hits * factor),
      total: 0,
    } satisfies ApiCost;
  });
  const monthly = { REST: 0, HTTP: 0 };
  for (const api of perApi) monthly[api.protocol] += api.monthlyRequests;
  const cost = {
    REST: tieredCost(monthly.REST, prices.requestTiers.REST),
    HTTP: tieredCost(monthly.HTTP, prices.requestTiers.HTTP),
  };
  for (const api of perApi) {
    const volume = monthly[api.protocol];
    api.requestCost = roundMoney(volume === 0 ? 0 : (cost[api.protocol] * api.monthlyRequests) / volume);
    api.total = roundMoney(api.requestCost + api.cacheCost);
  }
  const requestTotal = cost.REST + cost.HTTP;
  const cacheCost = perApi.reduce((sum, api) => sum + api.cacheCost, 0);
  const cacheSavedCalls = perApi.reduce((sum, api) => sum + api.cacheSavedCalls, 0);
  const perMillion = options.backendCostPerMillion;
  return {
    pricesDate: prices.date,
    region: prices.region,
    currency: prices.currency,
    monthSeconds: MONTH_SECONDS,
    factor,
    monthlyRequests: { REST: monthly.REST, HTTP: monthly.HTTP, total: monthly.REST + monthly.HTTP },
    requestCost: { REST: roundMoney(cost.REST), HTTP: roundMoney(cost.HTTP), total: roundMoney(requestTotal) },
    cacheCost: roundMoney(cacheCost),
    total: roundMoney(requestTotal + cacheCost),
    freeTierNote: freeTierNote(monthly, prices),
    cacheSavedCalls,
    backendSavings:
      perMillion === undefined ? null : { perMillion, monthly: roundMoney((cacheSavedCalls / 1e6) * perMillion) },
    perApi,
  };
}
