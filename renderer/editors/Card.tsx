import type { ReactNode } from 'react';
import { pathKey, type JsonPath } from '../store/editor-paths.ts';
import { useDocKind } from './doc-kind.tsx';
import { FieldProblems } from './fields/FieldShell.tsx';
import { useFieldProblems } from './hooks.ts';

/**
 * A titled group of fields for one object of the document (a route, a stage, a usage plan). Problems about the
 * object itself (an unknown key, a cross-reference) show under its title; clicking such a problem focuses it.
 */
export function Card(props: {
  path: JsonPath;
  title: ReactNode;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const problems = useFieldProblems(useDocKind(), props.path);
  const key = pathKey(props.path);
  return (
    <section className="ed-card" data-testid={props.testId}>
      <header className="ed-card-header">
        <h3 tabIndex={-1} data-path={key}>
          {props.title}
        </h3>
        {props.actions && <div className="ed-card-actions">{props.actions}</div>}
      </header>
      <FieldProblems id={`card-${key}`} problems={problems} />
      {props.children}
    </section>
  );
}

/** A small button that removes the item it sits on. */
export function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="ed-icon" aria-label={label} title={label} onClick={onClick}>
      ✕
    </button>
  );
}

/** The button under a list that adds an item to it. */
export function AddButton(props: { onClick(): void; disabled?: boolean; testId?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="ed-add"
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
