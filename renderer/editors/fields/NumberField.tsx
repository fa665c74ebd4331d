import { useDocKind } from '../doc-kind.tsx';
import { useDocValue, useEditableText, useSetField } from '../hooks.ts';
import { FieldShell, useFieldControl, type FieldProps } from './FieldShell.tsx';

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
  const kind = useDocKind();
  const value = useDocValue(kind, props.path);
  const set = useSetField(kind, props.path);
  const { id, problems, inputProps } = useFieldControl(props.path);
  const [text, onChange] = useEditableText(value, formatNumber, parseNumberText, set);
  return (
    <FieldShell
      id={id}
      label={props.label}
      hint={props.hint}
      wide={props.wide}
      compact={props.compact}
      problems={problems}
    >
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
