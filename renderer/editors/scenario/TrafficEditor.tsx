import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { asObject } from '../model/json.ts';
import { newPhase, newTraceEntry } from '../model/templates.ts';
import { PhasesEditor } from './PhasesEditor.tsx';
import { TraceTable } from './TraceTable.tsx';

type Traffic = 'phases' | 'concurrency' | 'trace';

const TRAFFIC: Array<{ id: Traffic; label: string; hint: string }> = [
  { id: 'phases', label: 'Open loop (phases)', hint: 'arrivals at a planned rate, whatever the responses' },
  { id: 'concurrency', label: 'Closed loop', hint: 'connections sending back to back, as fast as answered' },
  { id: 'trace', label: 'Trace', hint: 'exact arrivals at given times' },
];

const TEMPLATES: Record<Traffic, unknown> = {
  phases: [newPhase()],
  concurrency: { connections: 10, durationSeconds: 30 },
  trace: [newTraceEntry(0)],
};

/** A scenario uses exactly one of phases, concurrency or trace (SPEC §6); switching replaces the others. */
export function TrafficEditor() {
  const raw = useLab((s) => activeDoc(s, 'scenario')?.raw);
  const setField = useLab((s) => s.setField);
  const doc = asObject(raw);
  const current = TRAFFIC.find((t) => doc[t.id] !== undefined)?.id ?? 'phases';
  const choose = (to: Traffic) => {
    if (to === current && doc[to] !== undefined) return;
    const { phases: _p, concurrency: _c, trace: _t, ...rest } = doc;
    setField('scenario', [], { ...rest, [to]: TEMPLATES[to] });
  };
  return (
    <section className="ed-card" aria-label="Traffic" data-testid="traffic">
      <h3>Traffic</h3>
      <fieldset className="ed-radios">
        <legend className="ed-label">Load model</legend>
        {TRAFFIC.map((t) => (
          <label key={t.id} className="ed-check">
            <input
              type="radio"
              name="traffic-model"
              checked={current === t.id}
              onChange={() => choose(t.id)}
              data-testid={`traffic-${t.id}`}
            />
            {t.label} <span className="muted">— {t.hint}</span>
          </label>
        ))}
      </fieldset>
      {current === 'phases' && <PhasesEditor />}
      {current === 'concurrency' && (
        <div className="ed-grid">
          <NumberField path={['concurrency', 'connections']} label="Connections" />
          <NumberField path={['concurrency', 'durationSeconds']} label="Duration (s)" />
          <NumberField path={['concurrency', 'rttMs']} label="Round trip (ms)" placeholder="1" />
          <NumberField path={['concurrency', 'maxRequests']} label="Stop after (requests)" placeholder="no limit" />
        </div>
      )}
      {current === 'trace' && <TraceTable />}
    </section>
  );
}
