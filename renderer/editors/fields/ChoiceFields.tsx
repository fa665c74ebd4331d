import { useDocKind } from '../doc-kind.tsx';
import { useDocValue, useSetField } from '../hooks.ts';
import { FieldProblems, FieldShell, useFieldControl, type FieldProps } from './FieldShell.tsx';

/** One option: the stored value and its label. */
export type Choice = readonly [value: string, label: string];

/**
 * A choice among fixed values. `unset` labels the empty choice (the key removed, e.g. "working routes"); a value
 * the list does not know is still shown, so its error makes sense.
 */
export function SelectField(props: FieldProps & { choices: readonly Choice[]; unset?: string }) {
  const kind = useDocKind();
  const value = useDocValue(kind, props.path);
  const set = useSetField(kind, props.path);
  const { id, problems, inputProps } = useFieldControl(props.path);
  const current = value === undefined ? '' : String(value);
  const known = props.choices.some(([v]) => v === current) || (current === '' && props.unset !== undefined);
  return (
    <FieldShell
      id={id}
      label={props.label}
      hint={props.hint}
      wide={props.wide}
      compact={props.compact}
      problems={problems}
    >
      <select
        {...inputProps}
        className="ed-input"
        value={current}
        data-testid={props.testId}
        onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
      >
        {props.unset !== undefined && <option value="">{props.unset}</option>}
        {!known && <option value={current}>{current === '' ? '(not set)' : current}</option>}
        {props.choices.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A true/false setting (a checkbox, unset meaning `defaultValue`); `unset` offers "not set" as a third choice. */
export function BoolField(props: FieldProps & { unset?: string; defaultValue?: boolean }) {
  const kind = useDocKind();
  const value = useDocValue(kind, props.path);
  const set = useSetField(kind, props.path);
  const { id, problems, inputProps } = useFieldControl(props.path);
  if (props.unset !== undefined) {
    const current = value === true ? 'true' : value === false ? 'false' : '';
    return (
      <FieldShell id={id} label={props.label} hint={props.hint} compact={props.compact} problems={problems}>
        <select
          {...inputProps}
          className="ed-input"
          value={current}
          data-testid={props.testId}
          onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">{props.unset}</option>
          <option value="true">on</option>
          <option value="false">off</option>
        </select>
      </FieldShell>
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
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <span className="ed-hint">{props.hint}</span>}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
