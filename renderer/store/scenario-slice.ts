import type { ScenarioDocument } from '../lab/types.ts';
import { configApiIds, scenarioTargetApi } from './document-info.ts';
import type { SliceCreator } from './lab-state.ts';

export interface ScenarioSlice {
  /** Loaded scenario documents by example name, in the lab's order. */
  scenarios: Record<string, ScenarioDocument>;
  selectedScenario: string | null;
  setScenarios(scenarios: Record<string, ScenarioDocument>): void;
  /** Selects a scenario, switching to a config that defines its target API when the current one does not. */
  selectScenario(name: string): void;
}

/** Example scenarios and the one the Run button will start. */
export const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => ({
  scenarios: {},
  selectedScenario: null,
  setScenarios(scenarios) {
    set({ scenarios, selectedScenario: null });
    const { configs, selectedConfig } = get();
    const current = selectedConfig ? configs[selectedConfig] : undefined;
    const apis = current ? configApiIds(current) : [];
    const first = Object.entries(scenarios).find(([, doc]) => apis.includes(scenarioTargetApi(doc) ?? ''));
    const name = first?.[0] ?? Object.keys(scenarios)[0];
    if (name !== undefined) get().selectScenario(name);
  },
  selectScenario(name) {
    const doc = get().scenarios[name];
    if (!doc) return;
    set({ selectedScenario: name });
    const apiId = scenarioTargetApi(doc);
    const { configs, selectedConfig } = get();
    const current = selectedConfig ? configs[selectedConfig] : undefined;
    if (apiId === null || (current && configApiIds(current).includes(apiId))) return;
    const match = Object.entries(configs).find(([, config]) => configApiIds(config).includes(apiId));
    if (match) get().selectConfig(match[0]);
  },
});
