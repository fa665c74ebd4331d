import { useMemo } from 'react';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { EditTable } from '../EditTable.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { asArray, asNumber, asObject } from '../model/json.ts';
import { traceRatePoints } from '../model/offered-rate.ts';
import { newTraceEntry } from '../model/templates.ts';
import { RatePreview } from './RatePreview.tsx';

export const REQUEST_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map((m) => [m, m] as const);

/** Exact arrivals: at a time (ms), a count of identical requests, with the wire path (stage included). */
export function TraceTable() {
  const trace = useDocValue('scenario', ['trace']);
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const entries = asArray(trace);
  const points = useMemo(() => traceRatePoints(trace), [trace]);
  const lastAt = Math.max(0, ...entries.map((e) => asNumber(asObject(e)['at']) ?? 0));
  return (
    <div className="ed-stack" data-testid="trace">
      <EditTable columns={['At (ms)', 'Count', 'Method', 'Path (with stage and query)', 'Client']}>
        {entries.map((_entry, i) => (
          <tr key={i} data-testid={`trace-${i}`}>
            <td data-path={JSON.stringify(['trace', i])} tabIndex={-1}>
              <NumberField path={['trace', i, 'at']} label={`Entry ${i + 1} time`} compact />
              <ProblemsAt path={['trace', i]} />
            </td>
            <td>
              <NumberField path={['trace', i, 'count']} label={`Entry ${i + 1} count`} placeholder="1" compact />
            </td>
            <td>
              <SelectField
                path={['trace', i, 'method']}
                label={`Entry ${i + 1} method`}
                choices={REQUEST_METHODS}
                unset="GET"
                compact
              />
            </td>
            <td>
              <TextField
                path={['trace', i, 'path']}
                label={`Entry ${i + 1} path`}
                placeholder="/prod/pets?page=1"
                required
                mono
                compact
              />
            </td>
            <td>
              <TextField path={['trace', i, 'client']} label={`Entry ${i + 1} client`} placeholder="none" compact />
            </td>
            <td>
              <RemoveButton label={`Remove entry ${i + 1}`} onClick={() => removeItem('scenario', ['trace'], i)} />
            </td>
          </tr>
        ))}
      </EditTable>
      <ProblemsAt path={['trace']} />
      <AddButton onClick={() => insertItem('scenario', ['trace'], newTraceEntry(lastAt + 1000))}>+ Add entry</AddButton>
      <RatePreview points={points} title="Arrivals per second" />
    </div>
  );
}
