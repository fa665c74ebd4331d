import { useEffect } from 'react';
import type { DocumentKind } from '../../core/contract/lab-api.ts';
import { useLab } from '../store/store-context.tsx';

/**
 * Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes the last edit of the document on screen, while the editor is
 * shown. Every input here edits the store, so the store's history replaces the inputs' own.
 */
export function useUndoKeys(kind: DocumentKind): void {
  const undo = useLab((s) => s.undo);
  const redo = useLab((s) => s.redo);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo(kind);
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo(kind);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [kind, undo, redo]);
}

/** When a problem was clicked, focuses its field (or the nearest enclosing one on screen) once it has rendered. */
export function useFocusRequest(): void {
  const focus = useLab((s) => s.editorNav.focus);
  const clearFocus = useLab((s) => s.clearFocus);
  useEffect(() => {
    if (focus === null) return;
    const fields = Array.from(document.querySelectorAll<HTMLElement>('[data-path]'));
    for (let length = focus.length; length >= 0; length--) {
      const key = JSON.stringify(focus.slice(0, length));
      const target = fields.find((field) => field.dataset['path'] === key);
      if (!target) continue;
      // jsdom has no scrollIntoView; focusing alone scrolls too, but not to the middle.
      target.scrollIntoView?.({ block: 'center' });
      target.focus();
      break;
    }
    clearFocus();
  }, [focus, clearFocus]);
}
