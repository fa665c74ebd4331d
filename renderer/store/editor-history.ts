/**
 * Undo and redo for one document: snapshots of its raw JSON (cheap, since edits share unchanged branches).
 * Rapid typing in one field is one step: an edit to the same field within `COALESCE_MS` of the previous one
 * extends that step instead of adding another.
 */
export interface DocHistory {
  /** States before each step, oldest first. */
  past: unknown[];
  /** States undone, the next redo last. */
  future: unknown[];
  /** The field the last step edited (its path key), while typing there may still join that step. */
  lastKey: string | null;
  lastAt: number;
}

/** Steps kept per document; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;
/** Edits to one field closer together than this are one undo step. */
export const COALESCE_MS = 1000;

export const emptyHistory = (): DocHistory => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/**
 * The history after an edit that replaced `before`. `key` names the field edited (null for edits that never
 * merge, such as adding a route or a Deploy).
 */
export function recordEdit(
  history: DocHistory | undefined,
  before: unknown,
  key: string | null,
  now: number,
): DocHistory {
  const h = history ?? emptyHistory();
  if (key !== null && key === h.lastKey && now - h.lastAt < COALESCE_MS && h.past.length > 0) {
    return { ...h, future: [], lastAt: now };
  }
  const past = [...h.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: the state to restore and the history after it, or null with nothing to undo. */
export function undoStep(
  history: DocHistory | undefined,
  current: unknown,
): { raw: unknown; history: DocHistory } | null {
  if (!history || history.past.length === 0) return null;
  const past = history.past.slice(0, -1);
  const raw = history.past[history.past.length - 1];
  return { raw, history: { past, future: [...history.future, current], lastKey: null, lastAt: 0 } };
}

/** Steps forward again: the state to restore and the history after it, or null with nothing to redo. */
export function redoStep(
  history: DocHistory | undefined,
  current: unknown,
): { raw: unknown; history: DocHistory } | null {
  if (!history || history.future.length === 0) return null;
  const future = history.future.slice(0, -1);
  const raw = history.future[history.future.length - 1];
  return { raw, history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 } };
}
