import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<T> {
  id: T;
  label: string;
  /** Errors under this tab, shown as a count. */
  errors?: number;
}

/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys and Home/End move between tabs and select
 * them. The panel it controls is rendered by the caller, labelled by `panelId`.
 */
export function Tabs<T extends string | number>(props: {
  label: string;
  items: ReadonlyArray<TabItem<T>>;
  selected: T;
  onSelect(id: T): void;
  panelId: string;
  testId: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(
    0,
    props.items.findIndex((item) => item.id === props.selected),
  );
  const move = (event: KeyboardEvent, to: number) => {
    event.preventDefault();
    const count = props.items.length;
    const next = (to + count) % count;
    const item = props.items[next];
    if (!item) return;
    props.onSelect(item.id);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') move(event, index + 1);
    else if (event.key === 'ArrowLeft') move(event, index - 1);
    else if (event.key === 'Home') move(event, 0);
    else if (event.key === 'End') move(event, props.items.length - 1);
  };
  return (
    <div className="ed-tabs" role="tablist" aria-label={props.label} data-testid={props.testId} onKeyDown={onKeyDown}>
      {props.items.map((item, i) => (
        <button
          key={String(item.id)}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={i === index}
          aria-controls={props.panelId}
          tabIndex={i === index ? 0 : -1}
          data-testid={`${props.testId}-${item.id}`}
          onClick={() => props.onSelect(item.id)}
        >
          {item.label}
          {item.errors ? (
            <span className="ed-badge" aria-label={`${item.errors} errors`}>
              {item.errors}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
