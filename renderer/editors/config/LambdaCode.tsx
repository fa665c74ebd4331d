import { useRef } from 'react';
import type { JsonPath } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { FieldShell, useFieldControl } from '../fields/FieldShell.tsx';
import { useDocValue } from '../hooks.ts';
import { LAMBDA_SAMPLE } from '../model/templates.ts';

/**
 * The Lambda function's code, in a monospace editor with line numbers. Tab inserts two spaces, as a code editor
 * does; Escape then Tab (or Shift+Tab) still leaves the field, so the keyboard is never trapped.
 */
export function LambdaCode({ path }: { path: JsonPath }) {
  const code = useDocValue('config', path);
  const setField = useLab((s) => s.setField);
  const { id, problems, inputProps } = useFieldControl(path);
  const gutter = useRef<HTMLPreElement>(null);
  const escaped = useRef(false);
  const text = typeof code === 'string' ? code : '';
  const lines = Math.max(1, text.split('\n').length);
  return (
    <FieldShell
      id={id}
      label="Function code (Node.js, index.mjs)"
      hint="export const handler = async (event) => …; gets the API Gateway proxy event."
      wide
      problems={problems}
    >
      <div className="ed-code">
        <pre className="ed-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => i + 1).join('\n')}
        </pre>
        <textarea
          {...inputProps}
          className="ed-input mono"
          value={text}
          placeholder={LAMBDA_SAMPLE}
          rows={Math.min(24, Math.max(8, lines + 1))}
          spellCheck={false}
          wrap="off"
          data-testid="lambda-code"
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onChange={(e) => setField('config', path, e.target.value === '' ? undefined : e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') escaped.current = true;
            if (e.key !== 'Tab' || e.shiftKey || escaped.current) {
              if (e.key !== 'Escape') escaped.current = false;
              return;
            }
            e.preventDefault();
            const area = e.currentTarget;
            const { selectionStart: start, selectionEnd: end } = area;
            const next = `${text.slice(0, start)}  ${text.slice(end)}`;
            setField('config', path, next);
            requestAnimationFrame(() => area.setSelectionRange(start + 2, start + 2));
          }}
        />
      </div>
    </FieldShell>
  );
}
