import type { QuotaSnapshot } from '../../core/contract/lab-api.ts';
import { formatCount } from '../format.ts';
import { useLab } from '../store/store-context.tsx';

const NONE: QuotaSnapshot[] = [];

/** `2026-03-11 UTC`, with the time only when a period does not start at midnight. */
function resetTime(iso: string): string {
  const [date, time = ''] = iso.split('T');
  const hm = time.slice(0, 5);
  return `${date}${hm && hm !== '00:00' ? ` ${hm}` : ''} UTC`;
}

/** Each API key's quota: used, remaining, and when it resets. */
export function QuotaTable() {
  const quotas = useLab((s) => s.live?.quotas ?? NONE);
  return (
    <section className="panel side-panel" aria-label="Quotas">
      <header className="panel-header">
        <h2>Quotas</h2>
      </header>
      <table data-testid="quota-table">
        <thead>
          <tr>
            <th scope="col">Plan · key</th>
            <th scope="col">Used</th>
            <th scope="col">Remaining</th>
          </tr>
        </thead>
        <tbody>
          {quotas.length === 0 ? (
            <tr>
              <td colSpan={3} className="empty">
                No quota counted yet
              </td>
            </tr>
          ) : (
            quotas.map((q) => (
              <tr key={`${q.planId}:${q.keyId}`}>
                <th scope="row">
                  <div>
                    {q.planId} · {q.keyId}
                  </div>
                  <meter min={0} max={q.limit} value={q.used} aria-label={`Quota used by ${q.keyId}`} />
                  <div className="muted">resets {resetTime(q.resetsAt)}</div>
                </th>
                <td>{formatCount(q.used)}</td>
                <td>{formatCount(q.remaining)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
