import type { LabApi } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import { writeDraft, type DraftDocument, type DraftStorage } from './editor-draft.ts';
import { activeName, docsOf, parseDocKey, withDoc, type AnyDocument } from './editor-docs.ts';
import type { LabState } from './lab-state.ts';

export interface EditorSyncOptions {
  storage: DraftStorage | null;
  /** Quiet time after the last keystroke before the lab validates (`LabApi.validateConfig`). */
  validateDelayMs: number;
  /** Quiet time after the last edit before the draft is saved. */
  autosaveDelayMs: number;
}

/** Debounced validation of edited documents through the lab, and the debounced autosave of the draft. */
export interface EditorSync {
  scheduleValidation(key: string): void;
  /** Validates every document waiting for it now, and waits for validations already under way. */
  flushValidation(): Promise<void>;
  scheduleAutosave(): void;
  /** Saves the draft now. */
  flushAutosave(): void;
}

type Get = () => LabState;
type Set = (partial: Partial<LabState>) => void;

const without = (record: Record<string, true>, key: string): Record<string, true> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

export function createEditorSync(lab: LabApi, get: Get, set: Set, options: EditorSyncOptions): EditorSync {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inflight = new Map<string, Promise<void>>();
  let autosaveTimer: ReturnType<typeof setTimeout> | null = null;

  async function validateNow(key: string): Promise<void> {
    const id = parseDocKey(key);
    const doc = id ? docsOf(get(), id.kind)[id.name] : undefined;
    if (!id || !doc) {
      set({ editorPending: without(get().editorPending, key) });
      return;
    }
    const raw = doc.raw;
    // The transport carries JSON text or an object; any other JSON value goes as text and is refused at the root.
    const data = typeof raw === 'string' || (raw !== null && typeof raw === 'object') ? raw : JSON.stringify(raw);
    try {
      const result = id.kind === 'config' ? await lab.validateConfig(data) : await lab.validateScenario(data);
      const current = docsOf(get(), id.kind)[id.name];
      // A newer edit is waiting for its own validation; this answer is for a state that is gone.
      if (!current || current.raw !== raw) return;
      const validated = { ...result, source: current.source, raw } as AnyDocument;
      set({ ...withDoc(get(), id.kind, id.name, validated), editorPending: without(get().editorPending, key) });
    } catch (error) {
      set({
        editorPending: without(get().editorPending, key),
        editorNotice: { tone: 'error', text: `Could not validate the ${id.kind}: ${errorMessage(error)}` },
      });
    }
  }

  function run(key: string): Promise<void> {
    timers.delete(key);
    const promise = validateNow(key).finally(() => {
      if (inflight.get(key) === promise) inflight.delete(key);
    });
    inflight.set(key, promise);
    return promise;
  }

  function saveNow(): void {
    autosaveTimer = null;
    const s = get();
    const docs: DraftDocument[] = [];
    for (const key of Object.keys(s.editorDirty)) {
      const id = parseDocKey(key);
      const doc = id ? docsOf(s, id.kind)[id.name] : undefined;
      if (id && doc) docs.push({ kind: id.kind, name: id.name, source: doc.source, raw: doc.raw });
    }
    const selected = {
      ...(s.selectedConfig === null ? {} : { config: s.selectedConfig }),
      ...(s.selectedScenario === null ? {} : { scenario: s.selectedScenario }),
    };
    const draft = docs.length === 0 ? null : { version: 1 as const, savedAt: new Date().toISOString(), selected, docs };
    const failure = writeDraft(options.storage, draft);
    const autosaveError = failure === null ? null : `The draft could not be saved: ${failure}`;
    if (autosaveError !== s.autosaveError) set({ autosaveError });
  }

  return {
    scheduleValidation(key) {
      const timer = timers.get(key);
      if (timer !== undefined) clearTimeout(timer);
      if (!get().editorPending[key]) set({ editorPending: { ...get().editorPending, [key]: true } });
      timers.set(
        key,
        setTimeout(() => void run(key), options.validateDelayMs),
      );
    },
    async flushValidation() {
      for (const [key, timer] of [...timers]) {
        clearTimeout(timer);
        void run(key);
      }
      await Promise.all([...inflight.values()]);
    },
    scheduleAutosave() {
      if (autosaveTimer !== null) clearTimeout(autosaveTimer);
      autosaveTimer = setTimeout(saveNow, options.autosaveDelayMs);
    },
    flushAutosave() {
      if (autosaveTimer !== null) clearTimeout(autosaveTimer);
      saveNow();
    },
  };
}

/** The selected document of the kind, with its key; null when nothing of that kind is selected. */
export function activeEntry(s: LabState, kind: 'config' | 'scenario') {
  const name = activeName(s, kind);
  const doc = name === null ? undefined : docsOf(s, kind)[name];
  return name === null || !doc ? null : { name, doc, key: `${kind}:${name}` };
}
