import type { CACHE_CLUSTER_SIZES } from '../config/schema.ts';
import type { PriceTier } from './price-table.ts';

/** A cache cluster size in GiB, as a config names it. */
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number];

const MILLION = 1_000_000;

/**
 * The monthly price of `requests` requests: they fill the tiers in order, each tier taking at most its
 * `millions` million requests at its `perMillion` price; the last tier takes the rest.
 */
export function tieredCost(requests: number, tiers: readonly PriceTier[]): number {
  let remaining = Math.max(0, requests);
  let cost = 0;
  for (const tier of tiers) {
    if (remaining <= 0) break;
    const taken = tier.millions === null ? remaining : Math.min(remaining, tier.millions * MILLION);
    cost += (taken / MILLION) * tier.perMillion;
    remaining -= taken;
  }
  return cost;
}

/** Rounds money to 1e-9 so float noise (1165.5000027999999) stays out of reports. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 1e9) / 1e9;
}
