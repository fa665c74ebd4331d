import { useEditableText } from '../hooks.ts';
import { FieldShell, useField, type FieldProps } from './FieldShell.tsx';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Text to what the document stores: a number when it reads as one, nothing when empty, else the text itself. */
export function parseNumberText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

const formatNumber = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * A number field. Whatever is typed is kept, so "fast" reaches the validator and its message shows here; empty
 * removes the key, and the placeholder says what applies then ("inherits 100 from *\/*").
 */
export function NumberField(props: FieldProps) {
  const { value, set, inputProps, shell } = useField(props);
  const [text, onChange] = useEditableText(value, formatNumber, parseNumberText, set);
  return (
    <FieldShell {...shell}>
      <input
        {...inputProps}
        type="text"
        inputMode="decimal"
        className="ed-input num"
        value={text}
        placeholder={props.placeholder}
        data-testid={props.testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
