import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { ExampleInfo, LabApi } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { ConfigDocument, ScenarioDocument } from '../lab/types.ts';
import { createConfigSlice } from './config-slice.ts';
import { createEditorSlice, type EditorDeps } from './editor-slice.ts';
import { createHistorySlice } from './history-slice.ts';
import { createInsightSlice } from './insight-slice.ts';
import type { LabState } from './lab-state.ts';
import { createRunSlice } from './run-slice.ts';
import { createScenarioSlice } from './scenario-slice.ts';
import { createTuningSlice } from './tuning-slice.ts';

/** The app's store over one lab; `subscribeWithSelector` lets charts follow `seriesVersion` without React. */
export function createLabStore(lab: LabApi, editor: EditorDeps = {}) {
  let unsubscribe: (() => void) | null = null;
  return createStore<LabState>()(
    subscribeWithSelector((set, get, store) => {
      const run = createRunSlice(lab)(set, get, store);
      return {
        ...createConfigSlice(set, get, store),
        ...createScenarioSlice(set, get, store),
        ...run,
        ...createHistorySlice(lab)(set, get, store),
        ...createEditorSlice(lab, editor)(set, get, store),
        ...createTuningSlice(lab)(set, get, store),
        ...createInsightSlice(lab)(set, get, store),
        // The editor validates as the user types, debounced: a run starts from the config as last typed.
        startRun() {
          if (Object.keys(get().editorPending).length === 0) return run.startRun();
          return get()
            .flushValidation()
            .then(() => run.startRun());
        },
        async initialise() {
          unsubscribe ??= lab.onEvent((event) => get().receiveEvent(event));
          try {
            const examples = await lab.listExamples();
            const { configs, scenarios } = await loadAll(lab, examples);
            get().setConfigs(examples, configs);
            get().setScenarios(scenarios);
            get().restoreDraft();
            set({ appState: 'ready', loadError: null });
          } catch (error) {
            set({ appState: 'error', loadError: `Could not load the examples: ${errorMessage(error)}` });
            return;
          }
          await get().refreshRuns();
        },
        dispose() {
          unsubscribe?.();
          unsubscribe = null;
        },
      };
    }),
  );
}

/** The store type, middleware included. */
export type LabStore = ReturnType<typeof createLabStore>;

async function loadAll(lab: LabApi, examples: ExampleInfo[]) {
  const docs = await Promise.all(examples.map((example) => lab.loadExample(example.name)));
  const configs: Record<string, ConfigDocument> = {};
  const scenarios: Record<string, ScenarioDocument> = {};
  examples.forEach((example, i) => {
    const doc = docs[i];
    if (!doc) return;
    if (doc.kind === 'config') configs[example.name] = doc as ConfigDocument;
    else scenarios[example.name] = doc as ScenarioDocument;
  });
  return { configs, scenarios };
}
