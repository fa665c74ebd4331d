import type { ExampleInfo } from '../../core/contract/lab-api.ts';
import type { LabState } from './lab-state.ts';

/** True from the Run click until the lab reports the run ended. */
export const selectRunActive = (s: LabState): boolean =>
  s.runPhase === 'starting' || s.runPhase === 'running' || s.runPhase === 'stopping';

/** The selected config document, if any. */
export const selectConfigDoc = (s: LabState) => (s.selectedConfig ? s.configs[s.selectedConfig] : undefined);

/** The selected scenario document, if any. */
export const selectScenarioDoc = (s: LabState) => (s.selectedScenario ? s.scenarios[s.selectedScenario] : undefined);

/** Picker options for loaded documents: file name and the example's title. */
export function titledOptions(docs: Record<string, unknown>, examples: ExampleInfo[]): Array<[string, string]> {
  return Object.keys(docs).map((name) => [name, examples.find((e) => e.name === name)?.title ?? name]);
}
