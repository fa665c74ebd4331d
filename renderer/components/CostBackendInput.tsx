import { useId, useState } from 'react';
import { MAX_BACKEND_COST } from '../store/insight-slice.ts';
import { useLab } from '../store/store-context.tsx';

/** What a million backend calls cost the user, for the next run's estimate of what the cache saves. */
export function CostBackendInput({ currency }: { currency: string }) {
  const stored = useLab((s) => s.backendCostPerMillion);
  const setCost = useLab((s) => s.setBackendCostPerMillion);
  const [text, setText] = useState(stored === null ? '' : String(stored));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const hintId = `${id}-hint`;

  const change = (value: string) => {
    setText(value);
    const trimmed = value.trim();
    const parsed = trimmed === '' ? null : Number(trimmed);
    const ok = parsed === null || (!Number.isNaN(parsed) && setCost(parsed));
    if (ok && parsed === null) setCost(null);
    setError(ok ? null : `Enter an amount from 0 to ${MAX_BACKEND_COST.toLocaleString('en-US')}.`);
  };

  return (
    <div className="cost-backend">
      <label htmlFor={id}>Backend cost per million calls ({currency})</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_BACKEND_COST}
        step="any"
        placeholder="e.g. 20"
        value={text}
        onChange={(e) => change(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={hintId}
        data-testid="backend-cost-input"
      />
      <p id={hintId} className={error ? 'inline-error' : 'muted'} data-testid="backend-cost-hint">
        {error ?? 'Used from the next run: its report values the backend calls the cache saves.'}
      </p>
    </div>
  );
}
