import { useId, type ReactNode } from 'react';
import { pathKey, type JsonPath } from '../../store/editor-paths.ts';
import { useDocKind } from '../doc-kind.tsx';
import { useDocValue, useFieldProblems, useSetField, type PathProblems } from '../hooks.ts';

/** What every field takes: where it is in the document, and how it is labelled. */
export interface FieldProps {
  path: JsonPath;
  label: string;
  placeholder?: string;
  /** A line under the input: what the field means, in AWS's words. */
  hint?: string;
  testId?: string;
  /** Spans the whole row of the form grid. */
  wide?: boolean;
  /** In a table row: the label is for screen readers only, the column header shows it. */
  compact?: boolean;
}

/** The errors (as `gatelab validate` words them) and lint warnings at one field. */
export function FieldProblems({ id, problems }: { id: string; problems: PathProblems }) {
  if (problems.errors.length === 0 && problems.warnings.length === 0) return null;
  return (
    <ul className="ed-problems" id={id}>
      {problems.errors.map((message, i) => (
        <li key={`e${i}`} className="ed-error" data-testid="field-error">
          {message}
        </li>
      ))}
      {problems.warnings.map((message, i) => (
        <li key={`w${i}`} className="ed-warning" data-testid="field-warning">
          {message}
        </li>
      ))}
    </ul>
  );
}

/** The input's id and the attributes that tie it to its label, its problems and its place in the document. */
export function useFieldControl(path: JsonPath, within = false) {
  const id = useId();
  const problems = useFieldProblems(useDocKind(), path, within);
  const invalid = problems.errors.length > 0;
  const described = invalid || problems.warnings.length > 0;
  return {
    id,
    problems,
    inputProps: {
      id,
      'aria-invalid': invalid || undefined,
      'aria-describedby': described ? `${id}-problems` : undefined,
      'data-path': pathKey(path),
    },
  };
}

/**
 * One field of the selected document: its value and setter, its input's attributes, and its `FieldShell` props.
 * With `within`, problems under the path count as the field's own (a list edited in one input).
 */
export function useField(props: FieldProps, within = false) {
  const kind = useDocKind();
  const value = useDocValue(kind, props.path);
  const set = useSetField(kind, props.path);
  const { id, problems, inputProps } = useFieldControl(props.path, within);
  const { label, hint, wide, compact } = props;
  return { value, set, problems, inputProps, shell: { id, label, hint, wide, compact, problems } };
}

/** A labelled field with its problems under it. */
export function FieldShell(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  wide?: boolean | undefined;
  compact?: boolean | undefined;
  problems: PathProblems;
  children: ReactNode;
}) {
  const { id, label, hint, wide, compact, problems, children } = props;
  const classes = [
    'ed-field',
    wide ? 'wide' : '',
    compact ? 'compact' : '',
    problems.errors.length > 0 ? 'has-error' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <label className={compact ? 'ed-label sr-only' : 'ed-label'} htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <span className="ed-hint">{hint}</span>}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** The problems at one path that has no input of its own (a table row, a map, an optional group). */
export function ProblemsAt({ path }: { path: JsonPath }) {
  const problems = useFieldProblems(useDocKind(), path);
  return <FieldProblems id={`problems-${pathKey(path)}`} problems={problems} />;
}
