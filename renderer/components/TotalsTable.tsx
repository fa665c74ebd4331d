import { formatCount, formatMs, formatPercent } from '../format.ts';
import type { Totals } from '../lab/types.ts';

/** One row: a name and its totals. */
export interface TotalsRow {
  key: string;
  name: string;
  totals: Totals;
}

/** A breakdown of totals (per client, per route) in a titled panel. */
export function TotalsTable({
  title,
  nameHeader,
  rows,
  testId,
}: {
  title: string;
  nameHeader: string;
  rows: TotalsRow[];
  testId: string;
}) {
  return (
    <section className="panel table-panel" aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
      </header>
      <div className="table-scroll">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col">Sent</th>
              <th scope="col">OK</th>
              <th scope="col">Throttled</th>
              <th scope="col">Quota</th>
              <th scope="col">Cache hits</th>
              <th scope="col">p99</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="empty">
                  No requests yet
                </td>
              </tr>
            ) : (
              rows.map(({ key, name, totals: t }) => (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  <td>{formatCount(t.sent)}</td>
                  <td>{formatCount(t.ok)}</td>
                  <td>{formatPercent(t.throttled, t.sent)}</td>
                  <td>{formatCount(t.quotaExceeded)}</td>
                  <td>{formatPercent(t.cacheHits, t.cacheHits + t.cacheMisses)}</td>
                  <td>{formatMs(t.latencyMs.p99)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
