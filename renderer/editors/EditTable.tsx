import type { ReactNode } from 'react';

/** A table of a list's items, a row each; the last column, titled for screen readers only, holds a row's buttons. */
export function EditTable(props: {
  columns: readonly string[];
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className={props.className ? `ed-table ${props.className}` : 'ed-table'} data-testid={props.testId}>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
