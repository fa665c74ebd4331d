import type { ExampleInfo } from '../../core/contract/lab-api.ts';
import type { ConfigDocument } from '../lab/types.ts';
import { configApiIds, scenarioTargetApi } from './document-info.ts';
import type { SliceCreator } from './lab-state.ts';

/** `ready` once the examples are loaded: the end-to-end tests wait on it. */
export type AppState = 'loading' | 'ready' | 'error';

/** The config example the app opens on. */
export const DEFAULT_CONFIG = 'petstore.gatelab.json';

export interface ConfigSlice {
  appState: AppState;
  /** Why the app could not load, shown in place of the dashboard. */
  loadError: string | null;
  examples: ExampleInfo[];
  /** Loaded config documents by example name, in the lab's order. */
  configs: Record<string, ConfigDocument>;
  selectedConfig: string | null;
  setConfigs(examples: ExampleInfo[], configs: Record<string, ConfigDocument>): void;
  /** Selects a config, switching to one of its scenarios when the selected scenario targets another API. */
  selectConfig(name: string): void;
}

/** Example configs, the selected one, and the app's load state. */
export const createConfigSlice: SliceCreator<ConfigSlice> = (set, get) => ({
  appState: 'loading',
  loadError: null,
  examples: [],
  configs: {},
  selectedConfig: null,
  setConfigs(examples, configs) {
    const names = Object.keys(configs);
    const selected = names.includes(DEFAULT_CONFIG) ? DEFAULT_CONFIG : (names[0] ?? null);
    set({ examples, configs, selectedConfig: selected });
  },
  selectConfig(name) {
    const config = get().configs[name];
    if (!config) return;
    set({ selectedConfig: name });
    const { scenarios, selectedScenario } = get();
    const apis = configApiIds(config);
    const current = selectedScenario ? scenarios[selectedScenario] : undefined;
    if (current && apis.includes(scenarioTargetApi(current) ?? '')) return;
    const match = Object.entries(scenarios).find(([, doc]) => apis.includes(scenarioTargetApi(doc) ?? ''));
    if (match) get().selectScenario(match[0]);
  },
});
