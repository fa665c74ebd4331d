import { formatCount } from '../cost/format-cost.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values: names in a config may hold `<` or quotes. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A table cell: plain text (escaped) or `{ html }` already built from escaped parts. */
export type Cell = string | number | { html: string };

function cell(value: Cell, tag: 'td' | 'th'): string {
  if (typeof value === 'number') return `<${tag} class="num">${esc(formatNumber(value))}</${tag}>`;
  if (typeof value === 'string') return `<${tag}>${esc(value)}</${tag}>`;
  return `<${tag}>${value.html}</${tag}>`;
}

/** A `<table>` with a header row; `testId` marks it for tests. An empty body says `empty` instead. */
export function table(testId: string, headers: readonly string[], rows: readonly Cell[][], empty = 'None.'): string {
  if (rows.length === 0) return `<p class="empty" data-testid="${esc(testId)}">${esc(empty)}</p>`;
  const head = `<thead><tr>${headers.map((h) => cell(h, 'th')).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => cell(c, 'td')).join('')}</tr>`).join('\n');
  return `<table data-testid="${esc(testId)}">${head}<tbody>\n${body}\n</tbody></table>`;
}

/** A `<section>` with an anchor id and a heading. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}" data-testid="section-${esc(id)}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}

/** Integers with grouped digits; other numbers with up to 3 significant decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return formatCount(value);
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toPrecision(3);
  return String(Number(text));
}

/** A part of a whole as a percentage with one decimal, or `–` when the whole is 0. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** A latency in ms: whole ms from 100 up, else one decimal. */
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A throttle limit as written: `-1` means no limit at that layer. */
export function limit(value: number | undefined, unit = ''): string {
  if (value === undefined) return '–';
  return value === -1 ? 'no limit' : `${formatNumber(value)}${unit}`;
}
