import type { DocumentKind, LabApi } from '../../core/contract/lab-api.ts';
import type { AnyDocument } from './editor-docs.ts';
import type { EditorSync } from './editor-sync.ts';
import type { DraftStorage } from './editor-draft.ts';
import type { LabState } from './lab-state.ts';

/** How one edit lands in a document. */
export interface CommitOptions {
  /** The field edited (path key), so rapid typing there is one undo step; null never merges. */
  key: string | null;
  /** False for undo and redo themselves. */
  record?: boolean;
  /** The document already validated by the lab (Deploy, Promote): no validation round trip needed. */
  validated?: AnyDocument;
  /** The raw JSON view's text as typed, kept so the view does not reformat under the cursor. */
  rawText?: string;
}

/** What the editor's action groups share: the lab, the store, the clock, and the one way to change a document. */
export interface EditorContext {
  lab: LabApi;
  get: () => LabState;
  set: (partial: Partial<LabState>) => void;
  now: () => number;
  sync: EditorSync;
  storage: DraftStorage | null;
  /** Replaces a document's raw JSON: records undo history, marks it unsaved, validates and autosaves (debounced). */
  commit(kind: DocumentKind, name: string, raw: unknown, options: CommitOptions): void;
}

/** Options for the editor slice; tests pass a fake storage and short delays. */
export interface EditorDeps {
  /** Where the draft is autosaved; `localStorage` by default, null for none. */
  storage?: DraftStorage | null;
  now?: () => number;
  validateDelayMs?: number;
  autosaveDelayMs?: number;
}
