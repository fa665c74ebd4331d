import { describe, expect, it } from 'vitest';
import { parsePriceTable } from '../../../../core/engine/cost/price-table.ts';
import { formatProblem } from '../../../../core/engine/validation/problem.ts';
import { loadPriceTable } from '../../../../core/node/report/load-prices.ts';
import { bundledPrices } from './prices.ts';

describe('the price table', () => {
  it('ships dated us-east-1 prices in USD with every cache size', () => {
    const prices = bundledPrices();
    expect(prices).toMatchObject({ region: 'us-east-1', currency: 'USD', hoursPerMonth: 730 });
    expect(prices.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prices.cacheHourly).toEqual({
      '0.5': 0.02,
      '1.6': 0.038,
      '6.1': 0.2,
      '13.5': 0.25,
      '28.4': 0.5,
      '58.2': 1,
      '118': 1.9,
      '237': 3.8,
    });
    expect(prices.freeTier).toEqual({ REST: 1_000_000, HTTP: 1_000_000, months: 12 });
  });

  it('is what the Node side loads by default', async () => {
    expect(await loadPriceTable()).toEqual({ ok: true, prices: bundledPrices() });
  });

  it('names the path of every problem in an edited table', () => {
    const prices = structuredClone(bundledPrices()) as unknown as Record<string, unknown>;
    const tiers = prices['requestTiers'] as { REST: Array<{ millions: number | null }> };
    tiers.REST.at(-1)!.millions = 5;
    (prices['cacheHourly'] as Record<string, unknown>)['0.5'] = 'cheap';
    const parsed = parsePriceTable(prices);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)).toEqual([
      'requestTiers.REST[3].millions: expected null on the last tier, which takes every request above the others, got 5',
      'cacheHourly["0.5"]: expected a price ≥ 0, got "cheap"',
    ]);
  });

  it('reports a missing file in one line', async () => {
    expect(await loadPriceTable('nowhere/prices.json')).toEqual({
      ok: false,
      errors: ['nowhere/prices.json: no such file'],
    });
  });
});
