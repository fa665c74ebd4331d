import type { DocumentKind } from '../../core/contract/lab-api.ts';

/** The part of `localStorage` the autosave uses, so tests can hand it a fake (or one that fails). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The one key the draft lives under: one `setItem` per save, so a save is whole or not at all. */
export const DRAFT_KEY = 'gatelab.editor.draft';

/** One edited document as saved: enough to put it back as it was, valid or not. */
export interface DraftDocument {
  kind: DocumentKind;
  name: string;
  source: string | null;
  raw: unknown;
}

/** Everything not yet saved to a file, and which documents were selected. */
export interface SavedDraft {
  version: 1;
  savedAt: string;
  selected: Partial<Record<DocumentKind, string>>;
  docs: DraftDocument[];
}

const isDocument = (value: unknown): value is DraftDocument => {
  const d = value as Partial<DraftDocument> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    (d.kind === 'config' || d.kind === 'scenario') &&
    typeof d.name === 'string' &&
    d.name !== '' &&
    (d.source === null || typeof d.source === 'string') &&
    'raw' in d
  );
};

/** The saved draft, or null when there is none or it is unreadable (never throws: a bad draft must not stop the app). */
export function readDraft(storage: DraftStorage | null): SavedDraft | null {
  try {
    const text = storage?.getItem(DRAFT_KEY);
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<SavedDraft>;
    if (draft.version !== 1 || !Array.isArray(draft.docs) || typeof draft.savedAt !== 'string') return null;
    const docs = draft.docs.filter(isDocument);
    if (docs.length === 0) return null;
    const selected = typeof draft.selected === 'object' && draft.selected !== null ? draft.selected : {};
    return { version: 1, savedAt: draft.savedAt, selected, docs };
  } catch {
    return null;
  }
}

/** Writes the draft (or removes it when nothing is unsaved); the error message when the storage refused. */
export function writeDraft(storage: DraftStorage | null, draft: SavedDraft | null): string | null {
  if (!storage) return null;
  try {
    if (draft === null) storage.removeItem(DRAFT_KEY);
    else storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The browser's `localStorage` when there is one and it may be used. */
export function defaultDraftStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
