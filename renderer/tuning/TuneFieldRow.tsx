import { useState } from 'react';
import type { FieldState } from './layer-fields.ts';

interface TuneFieldRowProps {
  state: FieldState;
  /** The moved value, when it differs from what is in force. */
  draft: number | undefined;
  disabled: boolean;
  onChange(value: number): void;
  /** Enter in the number field applies at once. */
  onCommit(): void;
}

/** One figure of a layer: a slider and a number field that move together, and where the value comes from. */
export function TuneFieldRow({ state, draft, disabled, onChange, onCommit }: TuneFieldRowProps) {
  const [text, setText] = useState<string | null>(null);
  const value = draft ?? state.value;
  const id = `tune-${state.field}`;
  const unlimited = value === -1;
  return (
    <div className={`tune-field${draft === undefined ? '' : ' tune-field-moved'}`} data-testid={id}>
      <div className="tune-field-head">
        <label htmlFor={`${id}-input`}>{state.label}</label>
        <span className="muted">{draft !== undefined ? `now ${state.value}` : (state.source ?? 'set here')}</span>
      </div>
      <div className="tune-inputs">
        <input
          type="range"
          min={0}
          max={Math.max(state.max, value)}
          step={state.step}
          value={unlimited ? state.max : value}
          disabled={disabled}
          aria-label={`${state.label} (${state.unit})`}
          aria-valuetext={unlimited ? 'no limit' : `${value} ${state.unit}`}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid={`${id}-range`}
        />
        <input
          id={`${id}-input`}
          type="number"
          min={state.field === 'rate' || state.field === 'burst' ? -1 : 0}
          step={state.step}
          value={text ?? String(value)}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
          }}
          onBlur={() => setText(null)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            setText(null);
            onCommit();
          }}
          data-testid={`${id}-input`}
        />
        <span className="tune-unit">{unlimited ? 'no limit' : state.unit}</span>
      </div>
    </div>
  );
}
