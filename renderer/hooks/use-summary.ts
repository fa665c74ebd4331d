import { formatCount, formatMs, formatPercent } from '../format.ts';
import type { Totals } from '../lab/types.ts';
import { useLab } from '../store/store-context.tsx';

/** One summary card. */
export interface SummaryCard {
  id: string;
  label: string;
  value: string;
  detail: string;
  tone: 'neutral' | 'good' | 'warn' | 'bad';
  /** The underlying count, for tests and tools (`data-value`). */
  raw: number | null;
}

function throttleTone(t: Totals): SummaryCard['tone'] {
  if (t.throttled === 0) return 'good';
  return t.throttled / t.sent > 0.05 ? 'bad' : 'warn';
}

/** The cards for a run's totals: what was sent, what got through, and where it was turned away. */
export function summaryCards(t: Totals | undefined): SummaryCard[] {
  const card = (
    id: string,
    label: string,
    value: string,
    detail = '',
    tone: SummaryCard['tone'] = 'neutral',
    raw: number | null = null,
  ): SummaryCard => ({ id, label, value, detail, tone, raw });
  if (!t) {
    const empty = [
      'Sent',
      'OK (2xx)',
      'Throttled',
      'Quota exceeded',
      'Cache hit ratio',
      'p99 latency',
      'Integration calls',
    ];
    const ids = ['sent', 'ok', 'throttled', 'quota', 'cache', 'p99', 'integration'];
    return ids.map((id, i) => card(id, empty[i]!, '—'));
  }
  return [
    card('sent', 'Sent', formatCount(t.sent), `${formatCount(t.retries)} retries`, 'neutral', t.sent),
    card('ok', 'OK (2xx)', formatCount(t.ok), formatPercent(t.ok, t.sent), 'neutral', t.ok),
    card(
      'throttled',
      'Throttled',
      formatPercent(t.throttled, t.sent),
      `${formatCount(t.throttled)} requests`,
      throttleTone(t),
      t.throttled,
    ),
    card(
      'quota',
      'Quota exceeded',
      formatCount(t.quotaExceeded),
      formatPercent(t.quotaExceeded, t.sent),
      t.quotaExceeded ? 'bad' : 'good',
      t.quotaExceeded,
    ),
    card(
      'cache',
      'Cache hit ratio',
      formatPercent(t.cacheHits, t.cacheHits + t.cacheMisses),
      `${formatCount(t.cacheHits)} of ${formatCount(t.cacheHits + t.cacheMisses)}`,
      'neutral',
      t.cacheHits,
    ),
    card(
      'p99',
      'p99 latency',
      formatMs(t.latencyMs.p99),
      `p90 ${formatMs(t.latencyMs.p90)}`,
      'neutral',
      t.latencyMs.p99,
    ),
    card(
      'integration',
      'Integration calls',
      formatCount(t.integrationCalls),
      `${formatCount(t.serverErrors)} 5xx`,
      'neutral',
      t.integrationCalls,
    ),
  ];
}

/** The summary cards for the current run's latest totals; re-renders only the cards, once per tick. */
export function useSummary(): SummaryCard[] {
  return summaryCards(useLab((state) => state.live?.totals));
}
