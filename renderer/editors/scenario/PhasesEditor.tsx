import { useMemo } from 'react';
import { useLab } from '../../store/store-context.tsx';
import { RemoveButton } from '../Card.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useDocValue } from '../hooks.ts';
import { asArray } from '../model/json.ts';
import { offeredRequests, phaseRatePoints } from '../model/offered-rate.ts';
import { newPhase } from '../model/templates.ts';
import { RatePreview } from './RatePreview.tsx';

const formatCount = (n: number) => Math.round(n).toLocaleString('en-US');

/** Open-loop phases: a constant rate, or a linear ramp, each for a duration; with a live preview of the rate. */
export function PhasesEditor() {
  const phases = useDocValue('scenario', ['phases']);
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const moveItem = useLab((s) => s.moveItem);
  const points = useMemo(() => phaseRatePoints(phases), [phases]);
  const count = asArray(phases).length;
  const seconds = points.at(-1)?.x ?? 0;
  const peak = Math.max(0, ...points.map((p) => p.y));
  return (
    <div className="ed-stack" data-testid="phases">
      <table className="ed-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Duration (s)</th>
            <th scope="col">Rate (req/s)</th>
            <th scope="col">Ramp to (req/s)</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, i) => (
            <tr key={i} data-testid={`phase-${i}`}>
              <th scope="row" data-path={JSON.stringify(['phases', i])} tabIndex={-1}>
                {i + 1}
                <ProblemsAt path={['phases', i]} />
              </th>
              <td>
                <NumberField path={['phases', i, 'durationSeconds']} label={`Phase ${i + 1} duration`} compact />
              </td>
              <td>
                <NumberField path={['phases', i, 'rate']} label={`Phase ${i + 1} rate`} compact />
              </td>
              <td>
                <NumberField
                  path={['phases', i, 'rampTo']}
                  label={`Phase ${i + 1} ramp to`}
                  placeholder="constant"
                  compact
                />
              </td>
              <td className="ed-row-actions">
                <button
                  type="button"
                  className="ed-icon"
                  aria-label={`Move phase ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => moveItem('scenario', ['phases'], i, i - 1)}
                >
                  ↑
                </button>
                <RemoveButton label={`Remove phase ${i + 1}`} onClick={() => removeItem('scenario', ['phases'], i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemsAt path={['phases']} />
      <button
        type="button"
        className="ed-add"
        data-testid="add-phase"
        onClick={() => insertItem('scenario', ['phases'], newPhase())}
      >
        + Add phase
      </button>
      <RatePreview points={points} title="Offered rate (first attempts; retries come on top)" />
      <p className="muted" data-testid="phase-summary">
        {formatCount(offeredRequests(points))} requests over {seconds} s, peak {peak} req/s.
      </p>
    </div>
  );
}
