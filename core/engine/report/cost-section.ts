import { formatCount, formatMoney, formatRequests } from '../cost/format-cost.ts';
import type { CostEstimate } from '../cost/cost-types.ts';
import { esc, table, type Cell } from './html.ts';

/** The cost section's body: the month's estimate, per API, with the note on the free tier. */
export function costSection(cost: CostEstimate | null): string {
  if (cost === null)
    return '<p class="empty" data-testid="cost-none">No cost estimate: the run had no price table.</p>';
  const money = (amount: number) => formatMoney(amount, cost.currency);
  const summary: Cell[][] = [
    ['REST requests', formatRequests(cost.monthlyRequests.REST), money(cost.requestCost.REST)],
    ['HTTP API requests', formatRequests(cost.monthlyRequests.HTTP), money(cost.requestCost.HTTP)],
    ['cache clusters', '730 h each', money(cost.cacheCost)],
    [
      { html: '<strong>total per month</strong>' },
      formatRequests(cost.monthlyRequests.total),
      { html: `<strong>${esc(money(cost.total))}</strong>` },
    ],
  ];
  const perApi = cost.perApi.map((api) => [
    api.apiId,
    api.protocol,
    formatCount(api.runRequests),
    formatRequests(api.monthlyRequests),
    money(api.requestCost),
    api.cacheStages.map((s) => `${s.stage}: ${s.size} GB, ${money(s.monthly)}`).join('; ') || '–',
    money(api.total),
  ]);
  const savings = cost.backendSavings
    ? `, worth ${money(cost.backendSavings.monthly)} at ${money(cost.backendSavings.perMillion)} per million backend calls`
    : ' (give a backend cost per million calls to price them)';
  return [
    `<p data-testid="cost-total">Estimated <strong>${esc(money(cost.total))}</strong> a month at this run's average rate, with ${esc(cost.region)} list prices of ${esc(cost.pricesDate)} (${esc(cost.currency)}).</p>`,
    table('table-cost', ['item', 'per month', 'cost'], summary),
    table(
      'table-cost-apis',
      ['API', 'protocol', 'billed in the run', 'per month', 'requests', 'cache', 'total'],
      perApi,
    ),
    `<p>The cache would save ${esc(formatRequests(cost.cacheSavedCalls))} backend calls a month${esc(savings)}.</p>`,
    `<p class="note">${esc(cost.freeTierNote)} Throttled and quota 429s and API-key 403s are not billed. Extrapolated to a 30-day month by ×${esc(Number(cost.factor.toPrecision(6)))}.</p>`,
  ].join('\n');
}
