import type { DocumentKind, LabApi } from '../../core/contract/lab-api.ts';
import type { EditorContext, EditorDeps } from './editor-context.ts';
import { defaultDraftStorage } from './editor-draft.ts';
import { docKey, docsOf, withDoc } from './editor-docs.ts';
import { createDraftActions, type DraftActions } from './editor-draft-actions.ts';
import { createEditActions, type EditActions } from './editor-edits.ts';
import { createFileActions, type FileActions } from './editor-files.ts';
import { recordEdit, type DocHistory } from './editor-history.ts';
import { INITIAL_NAV, navFor, type EditorNav } from './editor-nav.ts';
import { createOperationActions, type OperationActions } from './editor-operations.ts';
import type { JsonPath } from './editor-paths.ts';
import { createEditorSync } from './editor-sync.ts';
import type { SliceCreator } from './lab-state.ts';

export type { EditorDeps } from './editor-context.ts';

/** A message about the last editor action (a Deploy, a failed save…), shown until the next or until dismissed. */
export interface EditorNotice {
  tone: 'info' | 'error';
  text: string;
}

/**
 * The config and scenario editors. Documents live where the rest of the app reads them (`configs`, `scenarios`),
 * so the Run button runs what the editor shows; this slice adds their undo history, what is unsaved, and where
 * the editor is. Keys of the records are `docKey`s.
 */
export interface EditorSlice extends EditActions, FileActions, DraftActions, OperationActions {
  editorNav: EditorNav;
  editorHistories: Record<string, DocHistory>;
  /** The raw JSON view's text as typed, while it differs only in layout from the document (or does not parse). */
  editorRawText: Record<string, string>;
  /** Documents with changes not saved to a file: what the autosaved draft holds. */
  editorDirty: Record<string, true>;
  /** Each edited document as it was before its first edit, for "discard draft". */
  editorPristine: Record<string, unknown>;
  /** Documents waiting for the lab to validate them. */
  editorPending: Record<string, true>;
  editorNotice: EditorNotice | null;
  /** The label of an operation under way (Deploy, Promote), which disables its buttons. */
  editorBusy: string | null;
  /** Set when the app started from a draft a reload or crash left behind. */
  draftRestored: { savedAt: string; names: string[] } | null;
  autosaveError: string | null;
  navigate(nav: Partial<EditorNav>): void;
  /** Opens the section holding the field at `path` and focuses it. */
  focusProblem(kind: DocumentKind, path: JsonPath): void;
  clearFocus(): void;
  dismissEditorNotice(): void;
  /** Validates every edited document now (before a run, a Deploy). */
  flushValidation(): Promise<void>;
  /** Saves the draft now (the page is going away). */
  flushAutosave(): void;
}

/** The editor slice over one lab. */
export function createEditorSlice(lab: LabApi, deps: EditorDeps = {}): SliceCreator<EditorSlice> {
  return (set, get) => {
    const storage = deps.storage === undefined ? defaultDraftStorage() : deps.storage;
    const now = deps.now ?? (() => Date.now());
    const sync = createEditorSync(lab, get, set, {
      storage,
      validateDelayMs: deps.validateDelayMs ?? 250,
      autosaveDelayMs: deps.autosaveDelayMs ?? 300,
    });
    const ctx: EditorContext = {
      lab,
      get,
      set,
      now,
      sync,
      storage,
      commit(kind, name, raw, options) {
        const s = get();
        const doc = docsOf(s, kind)[name];
        if (!doc) return;
        const key = docKey(kind, name);
        const histories =
          options.record === false
            ? s.editorHistories
            : { ...s.editorHistories, [key]: recordEdit(s.editorHistories[key], doc.raw, options.key, now()) };
        const { [key]: _typed, ...rawText } = s.editorRawText;
        const next = options.validated ? { ...options.validated, source: doc.source, raw } : { ...doc, raw };
        set({
          ...withDoc(s, kind, name, next),
          editorHistories: histories,
          editorRawText: options.rawText === undefined ? rawText : { ...rawText, [key]: options.rawText },
          editorDirty: s.editorDirty[key] ? s.editorDirty : { ...s.editorDirty, [key]: true },
          editorPristine: key in s.editorPristine ? s.editorPristine : { ...s.editorPristine, [key]: doc.raw },
          // "Deployed d3" has been read once the user edits on; an error stays until dismissed.
          editorNotice: s.editorNotice?.tone === 'info' ? null : s.editorNotice,
        });
        if (!options.validated) sync.scheduleValidation(key);
        sync.scheduleAutosave();
      },
    };
    // The page may go away between an edit and its debounced save; save at once when it does.
    if (deps.storage === undefined && typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => sync.flushAutosave());
    }

    return {
      editorNav: INITIAL_NAV,
      editorHistories: {},
      editorRawText: {},
      editorDirty: {},
      editorPristine: {},
      editorPending: {},
      editorNotice: null,
      editorBusy: null,
      draftRestored: null,
      autosaveError: null,
      ...createEditActions(ctx),
      ...createFileActions(ctx),
      ...createDraftActions(ctx),
      ...createOperationActions(ctx),
      navigate(nav) {
        set({ editorNav: { ...get().editorNav, ...nav } });
      },
      focusProblem(kind, path) {
        set({ editorNav: { ...get().editorNav, ...navFor(kind, path), focus: path } });
      },
      clearFocus() {
        if (get().editorNav.focus !== null) set({ editorNav: { ...get().editorNav, focus: null } });
      },
      dismissEditorNotice() {
        set({ editorNotice: null });
      },
      flushValidation: () => sync.flushValidation(),
      flushAutosave: () => sync.flushAutosave(),
    };
  };
}
