import type { DocumentKind } from '../../core/contract/lab-api.ts';
import { DEFAULT_CONFIG } from './config-slice.ts';
import type { EditorContext } from './editor-context.ts';
import { docKey, docsOf, parseDocKey, withDoc, type AnyDocument } from './editor-docs.ts';
import { readDraft, writeDraft } from './editor-draft.ts';

/** The autosaved draft: put back after a reload or crash, or dropped. */
export interface DraftActions {
  /** Puts back the draft a reload or crash left behind, and opens the editor on it; called once the examples are loaded. */
  restoreDraft(): void;
  /** Drops every unsaved change: edited examples go back to how they loaded, unsaved imports go away. */
  discardDraft(): void;
  dismissDraftNotice(): void;
}

export function createDraftActions(ctx: EditorContext): DraftActions {
  const select = (kind: DocumentKind, name: string) => {
    if (kind === 'config') ctx.get().selectConfig(name);
    else ctx.get().selectScenario(name);
  };

  return {
    restoreDraft() {
      const draft = readDraft(ctx.storage);
      if (!draft) return;
      const dirty: Record<string, true> = {};
      const pristine = { ...ctx.get().editorPristine };
      for (const saved of draft.docs) {
        const key = docKey(saved.kind, saved.name);
        const existing = docsOf(ctx.get(), saved.kind)[saved.name];
        if (existing && !(key in pristine)) pristine[key] = existing.raw;
        const base = existing ?? { kind: saved.kind, ok: false, value: null, errors: [], warnings: [] };
        ctx.set(
          withDoc(ctx.get(), saved.kind, saved.name, { ...base, source: saved.source, raw: saved.raw } as AnyDocument),
        );
        dirty[key] = true;
        ctx.sync.scheduleValidation(key);
      }
      ctx.set({
        editorDirty: dirty,
        editorPristine: pristine,
        draftRestored: { savedAt: draft.savedAt, names: draft.docs.map((d) => d.name) },
      });
      for (const kind of ['config', 'scenario'] as const) {
        const name = draft.selected[kind];
        if (name !== undefined && docsOf(ctx.get(), kind)[name]) select(kind, name);
      }
      // The user was editing when the page went away: take them back there.
      ctx.get().setView('editor');
    },
    discardDraft() {
      const s = ctx.get();
      const histories = { ...s.editorHistories };
      const rawText = { ...s.editorRawText };
      const pristine = { ...s.editorPristine };
      for (const key of Object.keys(s.editorDirty)) {
        const id = parseDocKey(key);
        if (!id) continue;
        const { kind, name } = id;
        const doc = docsOf(ctx.get(), kind)[name];
        delete histories[key];
        delete rawText[key];
        if (!doc) continue;
        if (key in pristine) {
          ctx.set(withDoc(ctx.get(), kind, name, { ...doc, raw: pristine[key] }));
          ctx.sync.scheduleValidation(key);
        } else {
          ctx.set(withDoc(ctx.get(), kind, name, null));
          const selected = kind === 'config' ? ctx.get().selectedConfig : ctx.get().selectedScenario;
          const names = Object.keys(docsOf(ctx.get(), kind));
          const next = kind === 'config' && names.includes(DEFAULT_CONFIG) ? DEFAULT_CONFIG : names[0];
          if (selected === name && next !== undefined) select(kind, next);
          else if (selected === name)
            ctx.set(kind === 'config' ? { selectedConfig: null } : { selectedScenario: null });
        }
        delete pristine[key];
      }
      ctx.set({ editorDirty: {}, editorHistories: histories, editorRawText: rawText, editorPristine: pristine });
      ctx.set({ draftRestored: null, editorNotice: { tone: 'info', text: 'The draft was discarded.' } });
      writeDraft(ctx.storage, null);
    },
    dismissDraftNotice() {
      ctx.set({ draftRestored: null });
    },
  };
}
