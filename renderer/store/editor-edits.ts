import type { DocumentKind } from '../../core/contract/lab-api.ts';
import type { EditorContext } from './editor-context.ts';
import { activeEntry } from './editor-sync.ts';
import { redoStep, undoStep } from './editor-history.ts';
import { rawFromText } from './editor-docs.ts';
import { insertAt, moveAt, pathKey, removeAt, renameKeyAt, setAt, type JsonPath } from './editor-paths.ts';

/** The edits a form or the raw JSON view makes to the selected document of a kind. */
export interface EditActions {
  /** Sets the value at `path`; `undefined` removes the key, so the field inherits again. */
  setField(kind: DocumentKind, path: JsonPath, value: unknown): void;
  /** Inserts into the array at `path` (created if missing), at `index` or the end. */
  insertItem(kind: DocumentKind, path: JsonPath, item: unknown, index?: number): void;
  removeItem(kind: DocumentKind, path: JsonPath, index: number): void;
  moveItem(kind: DocumentKind, path: JsonPath, from: number, to: number): void;
  /** Renames a key of the object at `path` in place; false when the new name is taken or empty. */
  renameKey(kind: DocumentKind, path: JsonPath, from: string, to: string): boolean;
  /** The raw JSON view's text: the document becomes what it parses to, or the text itself while it does not parse. */
  editRawText(kind: DocumentKind, text: string): void;
  undo(kind: DocumentKind): void;
  redo(kind: DocumentKind): void;
}

/** Key for the raw view's edits, so typing there coalesces like typing in one field. */
const RAW_KEY = '(raw)';

export function createEditActions(ctx: EditorContext): EditActions {
  const edit = (kind: DocumentKind, key: string | null, change: (raw: unknown) => unknown): boolean => {
    const entry = activeEntry(ctx.get(), kind);
    if (!entry) return false;
    const next = change(entry.doc.raw);
    if (next === entry.doc.raw) return false;
    ctx.commit(kind, entry.name, next, { key });
    return true;
  };

  const travel = (kind: DocumentKind, step: typeof undoStep) => {
    const s = ctx.get();
    const entry = activeEntry(s, kind);
    if (!entry) return;
    const moved = step(s.editorHistories[entry.key], entry.doc.raw);
    if (!moved) return;
    ctx.commit(kind, entry.name, moved.raw, { key: null, record: false });
    ctx.set({ editorHistories: { ...ctx.get().editorHistories, [entry.key]: moved.history } });
  };

  return {
    setField(kind, path, value) {
      edit(kind, pathKey(path), (raw) => setAt(raw, path, value));
    },
    insertItem(kind, path, item, index) {
      edit(kind, null, (raw) => insertAt(raw, path, item, index));
    },
    removeItem(kind, path, index) {
      edit(kind, null, (raw) => removeAt(raw, path, index));
    },
    moveItem(kind, path, from, to) {
      edit(kind, null, (raw) => moveAt(raw, path, from, to));
    },
    renameKey(kind, path, from, to) {
      if (to === '') return false;
      return edit(kind, null, (raw) => renameKeyAt(raw, path, from, to));
    },
    editRawText(kind, text) {
      const entry = activeEntry(ctx.get(), kind);
      if (!entry) return;
      const next = rawFromText(text);
      const current = entry.doc.raw;
      // Whitespace and formatting alone change nothing: keep the text, add no undo step.
      const same =
        typeof next !== 'string' && typeof current !== 'string' && JSON.stringify(next) === JSON.stringify(current);
      if (same) ctx.set({ editorRawText: { ...ctx.get().editorRawText, [entry.key]: text } });
      else ctx.commit(kind, entry.name, next, { key: RAW_KEY, rawText: text });
    },
    undo: (kind) => travel(kind, undoStep),
    redo: (kind) => travel(kind, redoStep),
  };
}
