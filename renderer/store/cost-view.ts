import type { CostEstimate } from '../../core/contract/lab-api.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Money with cents, as the HTML report and the CLI summary print it: `$1,234.56` (or `1,234.56 EUR`), and
 * `<$0.01` for a tiny non-zero amount.
 */
export function formatMoney(amount: number, currency = 'USD'): string {
  const tiny = amount > 0 && amount < 0.005;
  const cents = Math.round((tiny ? 0.01 : amount) * 100);
  const text = `${grouped.format(Math.trunc(cents / 100))}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  const money = currency === 'USD' ? `$${text}` : `${text} ${currency}`;
  return tiny ? `<${money}` : money;
}

/** A request count in millions or billions when large (`708.5M`, `1.2B`), else grouped digits. */
export function formatRequests(value: number): string {
  if (value >= 1e9) return `${Number((value / 1e9).toFixed(2))}B`;
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(1))}M`;
  return grouped.format(value);
}

/** One line of the cost panel. */
export interface CostRow {
  id: 'requests' | 'cache' | 'saved' | 'savings';
  label: string;
  value: string;
  detail: string;
  /** The underlying amount (money or calls), for tests and tools (`data-value`); null when there is none. */
  raw: number | null;
}

function requestDetail(cost: CostEstimate): string {
  const { REST, HTTP, total } = cost.monthlyRequests;
  const split = REST > 0 && HTTP > 0 ? ` (REST ${formatRequests(REST)}, HTTP ${formatRequests(HTTP)})` : '';
  return `${formatRequests(total)} billed calls a month${split}`;
}

function cacheDetail(cost: CostEstimate): string {
  const stages = cost.perApi.flatMap((api) => api.cacheStages.map((s) => `${api.apiId}/${s.stage} ${s.size} GB`));
  return stages.length === 0 ? 'no cache cluster' : `${stages.join(', ')}, billed by the hour whatever the traffic`;
}

/**
 * The rows under the monthly total: requests, cache, the backend calls the cache saves, and what they are worth.
 * The worth comes from the run's own backend cost; one entered since is applied to the saved calls as a preview.
 */
export function costRows(cost: CostEstimate, enteredPerMillion: number | null): CostRow[] {
  const money = (amount: number) => formatMoney(amount, cost.currency);
  const rows: CostRow[] = [
    {
      id: 'requests',
      label: 'Requests',
      value: money(cost.requestCost.total),
      detail: requestDetail(cost),
      raw: cost.requestCost.total,
    },
    { id: 'cache', label: 'Cache', value: money(cost.cacheCost), detail: cacheDetail(cost), raw: cost.cacheCost },
    {
      id: 'saved',
      label: 'Backend calls saved',
      value: formatRequests(cost.cacheSavedCalls),
      detail: 'a month, answered from the cache',
      raw: cost.cacheSavedCalls,
    },
  ];
  const savings = cost.backendSavings;
  if (savings) {
    const detail = `at ${money(savings.perMillion)} per million backend calls`;
    rows.push({ id: 'savings', label: 'Their value', value: money(savings.monthly), detail, raw: savings.monthly });
  } else if (enteredPerMillion !== null) {
    const monthly = (cost.cacheSavedCalls / 1e6) * enteredPerMillion;
    const detail = `at ${money(enteredPerMillion)} per million, entered after this run`;
    rows.push({ id: 'savings', label: 'Their value', value: money(monthly), detail, raw: monthly });
  } else {
    rows.push({ id: 'savings', label: 'Their value', value: '—', detail: 'enter your backend cost below', raw: null });
  }
  return rows;
}

/** Where the prices come from and how the run was extrapolated. */
export function costBasis(cost: CostEstimate): string {
  return `${cost.region} list prices of ${cost.pricesDate}, the run's average rate over a 30-day month`;
}
