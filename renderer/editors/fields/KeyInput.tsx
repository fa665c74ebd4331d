import { useState } from 'react';

/**
 * A map key being renamed: typed freely, applied on Enter or when focus leaves, put back when the name is taken
 * (renaming on every keystroke would pass through names that clash).
 */
export function KeyInput(props: {
  value: string;
  label: string;
  onRename(to: string): boolean;
  testId?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value);
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setText(props.value);
  }
  const apply = () => {
    if (text === props.value) return;
    if (!props.onRename(text.trim())) setText(props.value);
  };
  return (
    <input
      type="text"
      className="ed-input mono"
      aria-label={props.label}
      value={text}
      placeholder={props.placeholder}
      spellCheck={false}
      data-testid={props.testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
        if (e.key === 'Escape') setText(props.value);
      }}
    />
  );
}
