import type { ReactNode } from 'react';
import { FieldProblems, FieldShell, useField, type FieldProps } from './FieldShell.tsx';

/** One option: the stored value and its label. */
export type Choice = readonly [value: string, label: string];

/** A field's select among `children` options; `onPick` gets the chosen option's value ('' for the empty one). */
function FieldSelect(props: {
  field: ReturnType<typeof useField>;
  value: string;
  testId: string | undefined;
  onPick(value: string): void;
  children: ReactNode;
}) {
  return (
    <FieldShell {...props.field.shell}>
      <select
        {...props.field.inputProps}
        className="ed-input"
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onPick(e.target.value)}
      >
        {props.children}
      </select>
    </FieldShell>
  );
}

/**
 * A choice among fixed values. `unset` labels the empty choice (the key removed, e.g. "working routes"); a value
 * the list does not know is still shown, so its error makes sense.
 */
export function SelectField(props: FieldProps & { choices: readonly Choice[]; unset?: string }) {
  const field = useField(props);
  const current = field.value === undefined ? '' : String(field.value);
  const known = props.choices.some(([v]) => v === current) || (current === '' && props.unset !== undefined);
  return (
    <FieldSelect
      field={field}
      value={current}
      testId={props.testId}
      onPick={(picked) => field.set(picked === '' ? undefined : picked)}
    >
      {props.unset !== undefined && <option value="">{props.unset}</option>}
      {!known && <option value={current}>{current === '' ? '(not set)' : current}</option>}
      {props.choices.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </FieldSelect>
  );
}

/** A true/false setting (a checkbox, unset meaning `defaultValue`); `unset` offers "not set" as a third choice. */
export function BoolField(props: FieldProps & { unset?: string; defaultValue?: boolean }) {
  const field = useField(props);
  const { value, set, problems, inputProps, shell } = field;
  if (props.unset !== undefined) {
    const current = value === true ? 'true' : value === false ? 'false' : '';
    return (
      <FieldSelect
        field={field}
        value={current}
        testId={props.testId}
        onPick={(picked) => set(picked === '' ? undefined : picked === 'true')}
      >
        <option value="">{props.unset}</option>
        <option value="true">on</option>
        <option value="false">off</option>
      </FieldSelect>
    );
  }
  return (
    <div className={`ed-check${problems.errors.length > 0 ? ' has-error' : ''}`}>
      <input
        {...inputProps}
        type="checkbox"
        checked={value === undefined ? props.defaultValue === true : value === true}
        data-testid={props.testId}
        onChange={(e) => set(e.target.checked)}
      />
      <label htmlFor={shell.id}>{props.label}</label>
      {props.hint && <span className="ed-hint">{props.hint}</span>}
      <FieldProblems id={`${shell.id}-problems`} problems={problems} />
    </div>
  );
}
