import { useMemo } from 'react';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { EditTable } from '../EditTable.tsx';
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
      <EditTable columns={['#', 'Duration (s)', 'Rate (req/s)', 'Ramp to (req/s)']}>
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
      </EditTable>
      <ProblemsAt path={['phases']} />
      <AddButton testId="add-phase" onClick={() => insertItem('scenario', ['phases'], newPhase())}>
        + Add phase
      </AddButton>
      <RatePreview points={points} title="Offered rate (first attempts; retries come on top)" />
      <p className="muted" data-testid="phase-summary">
        {formatCount(offeredRequests(points))} requests over {seconds} s, peak {peak} req/s.
      </p>
    </div>
  );
}
