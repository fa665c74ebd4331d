import { useState } from 'react';

/** Adds one of `options` chosen from a list (a method to override, a method to throttle). */
export function AddPicker(props: {
  options: readonly string[];
  /** The select's accessible name. */
  label: string;
  /** The empty choice, shown until one is picked. */
  prompt: string;
  action: string;
  onAdd(option: string): void;
  selectTestId?: string;
  addTestId?: string;
}) {
  const [picked, setPicked] = useState('');
  return (
    <div className="ed-inline">
      <select
        value={picked}
        onChange={(e) => setPicked(e.target.value)}
        aria-label={props.label}
        data-testid={props.selectTestId}
      >
        <option value="">{props.prompt}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={picked === ''}
        data-testid={props.addTestId}
        onClick={() => {
          props.onAdd(picked);
          setPicked('');
        }}
      >
        {props.action}
      </button>
    </div>
  );
}
