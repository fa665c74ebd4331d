import { useEditableText } from '../hooks.ts';
import { parseNumberText } from './NumberField.tsx';
import { FieldShell, useField, type FieldProps } from './FieldShell.tsx';

function formatList(value: unknown): string {
  if (value === undefined) return '';
  return Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
    : String(value);
}

/** Comma-separated text as a list: strings, or numbers where they read as numbers; empty removes the key. */
export function parseListText(text: string, numbers: boolean): unknown {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return undefined;
  return numbers ? items.map(parseNumberText) : items;
}

/** A list edited as comma-separated text: cache key parameters, status codes to retry on. */
export function ListField(props: FieldProps & { numbers?: boolean }) {
  // Problems of single items (`retry.on[1]`) are shown with the list: they have no input of their own.
  const { value, set, inputProps, shell } = useField(props, true);
  const [text, onChange] = useEditableText(value, formatList, (t) => parseListText(t, props.numbers === true), set);
  return (
    <FieldShell {...shell}>
      <input
        {...inputProps}
        type="text"
        className="ed-input mono"
        value={text}
        placeholder={props.placeholder}
        spellCheck={false}
        data-testid={props.testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
