/**
 * Cost estimates: price a run's traffic for a month with a dated price table that the Node side loads
 * from `data/prices-us-east-1.json`.
 */
export { estimateCost, MONTH_SECONDS, type CostInput, type CostOptions } from './estimate-cost.ts';
export { parsePriceTable, type PriceTable, type PriceTier } from './price-table.ts';
export { tieredCost, type CacheClusterSize } from './tiered-cost.ts';
export { formatCount, formatMoney, formatRequests } from './format-cost.ts';
export type { ApiCost, ByProtocol, CacheStageCost, CostEstimate } from './cost-types.ts';
