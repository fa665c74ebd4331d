import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../../core/engine/cost/estimate-cost.ts';
import { example, runReport } from '../report/flash-sale.ts';
import { bundledPrices } from './prices.ts';

const petstore = example('petstore.gatelab.json');
const flashSale = example('flash-sale.scenario.json');

describe('the report’s cost section', () => {
  it('is null without a price table, so a run without prices says nothing about cost', () => {
    expect(runReport(petstore, flashSale, {}).cost).toBeNull();
  });

  it('is the estimate of the report’s own totals, the same bytes on every run', () => {
    const options = { prices: bundledPrices(), backendCostPerMillion: 2 };
    const report = runReport(petstore, flashSale, options);
    expect(report.cost).toEqual(estimateCost(report, bundledPrices(), { backendCostPerMillion: 2 }));
    expect(report.cost?.perApi[0]?.cacheStages).toEqual([{ stage: 'prod', size: '0.5', hourly: 0.02, monthly: 14.6 }]);
    expect(report.cost?.monthlyRequests.REST).toBe(Math.round(report.cost!.perApi[0]!.runRequests * 43_200));
    expect(report.cost?.backendSavings?.monthly).toBeCloseTo((report.cost!.cacheSavedCalls / 1e6) * 2, 6);
    expect(JSON.stringify(runReport(petstore, flashSale, options))).toBe(JSON.stringify(report));
  });
});
