import { useMemo, useState } from 'react';
import { bucketsSpec } from '../charts/specs/buckets-spec.ts';
import { useLab } from '../store/store-context.tsx';
import { ChartCard } from './ChartCard.tsx';

const ALL = '*';

/** (b) Token buckets: all of them as a share of their capacity, or one picked alone in tokens. */
export function BucketChartCard() {
  const [choice, setChoice] = useState(ALL);
  const buckets = useLab((state) => state.bucketNames);
  const spec = useMemo(() => bucketsSpec(choice === ALL ? { kind: 'all' } : { kind: 'one', id: choice }), [choice]);
  return (
    <ChartCard
      spec={spec}
      controls={
        <label className="inline-field">
          <span>Bucket</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="bucket-select">
            <option value={ALL}>All buckets (% of burst)</option>
            {buckets.map(({ id, label }) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      }
    />
  );
}
