import { FieldShell, useField, type FieldProps } from './FieldShell.tsx';

const asText = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A string field; emptied, the key is removed (unless `required`, where an empty string is kept for the error). */
export function TextField(props: FieldProps & { required?: boolean; mono?: boolean; list?: string }) {
  const { value, set, inputProps, shell } = useField(props);
  return (
    <FieldShell {...shell}>
      <input
        {...inputProps}
        type="text"
        className={props.mono ? 'ed-input mono' : 'ed-input'}
        value={asText(value)}
        placeholder={props.placeholder}
        spellCheck={false}
        list={props.list}
        data-testid={props.testId}
        onChange={(e) => set(e.target.value === '' && !props.required ? undefined : e.target.value)}
      />
    </FieldShell>
  );
}

/** A multi-line string (a MOCK body, a description). */
export function TextAreaField(props: FieldProps & { rows?: number }) {
  const { value, set, inputProps, shell } = useField(props);
  return (
    <FieldShell {...shell} wide>
      <textarea
        {...inputProps}
        className="ed-input mono"
        rows={props.rows ?? 3}
        value={asText(value)}
        placeholder={props.placeholder}
        spellCheck={false}
        data-testid={props.testId}
        onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
      />
    </FieldShell>
  );
}
