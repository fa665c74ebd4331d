import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../../core/cli/commands/run-summary.ts';
import { example, runReport } from '../report/flash-sale.ts';
import { bundledPrices } from './prices.ts';

const petstore = example('petstore.gatelab.json');
const flashSale = example('flash-sale.scenario.json');

describe('the CLI summary’s cost lines', () => {
  it('gives the month’s cost with its parts, and the backend calls the cache saves', () => {
    const report = runReport(petstore, flashSale, { prices: bundledPrices(), backendCostPerMillion: 2 });
    const lines = formatSummary(report, 100).split('\n');
    const cost = report.cost!;
    expect(lines.at(-2)).toMatch(
      new RegExp(
        `^  cost / month +\\$${cost.total.toFixed(2)}  [\\d.]+M requests \\(REST \\$[\\d,.]+ · HTTP \\$0\\.00\\) · cache \\$14\\.60 · us-east-1 prices of ${cost.pricesDate}, free tier not deducted$`,
      ),
    );
    expect(lines.at(-1)).toMatch(/^ {2}cache saves +[\d.]+M calls {2}backend calls a month · \$[\d,.]+ at \$2\.00\/M$/);
  });

  it('has no cost lines without prices', () => {
    expect(formatSummary(runReport(petstore, flashSale, {}), 100)).not.toContain('cost / month');
  });
});
