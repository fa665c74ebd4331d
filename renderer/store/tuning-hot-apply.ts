import type { ConfigChange, LabApi, TuningLayer } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { GatewayConfig } from '../lab/types.ts';
import { normalise, withFields, type TuneField } from '../tuning/layer-fields.ts';
import { layerOptions } from '../tuning/layers.ts';
import type { LabState } from './lab-state.ts';

/** The run being tuned: the config in force now, and each change hot-applied to it (the chart annotations). */
export interface TunedRun {
  runId: string | null;
  config: GatewayConfig | null;
  changes: ConfigChange[];
}

export interface HotApplySlice {
  tuned: TunedRun;
  /** The layer the dashboard's sliders show (`layerKey`); null picks the scenario's target stage. */
  tuneLayer: string | null;
  /** Values moved but not applied yet, by field. */
  tuneDraft: Partial<Record<TuneField, number>>;
  tuneBusy: boolean;
  tuneError: string | null;
  selectTuneLayer(key: string): void;
  setTuneDraft(field: TuneField, value: number): void;
  discardTuneDraft(): void;
  /** Hot-applies the moved values to the running run; the change becomes an annotation on the charts. */
  applyTuning(): Promise<void>;
}

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

export const NO_TUNED_RUN: TunedRun = { runId: null, config: null, changes: [] };

/** The config the sliders start from: the run's, as changed so far, or before any run the selected one. */
export function tuneConfigOf(s: LabState): GatewayConfig | null {
  if (s.tuned.config) return s.tuned.config;
  return s.selectedConfig ? (s.configs[s.selectedConfig]?.value ?? null) : null;
}

/** The layer the sliders show: the picked one, else the scenario's target stage, else the account. */
export function tuneLayerOf(s: LabState): { key: string; layer: TuningLayer } | null {
  const config = tuneConfigOf(s);
  if (!config) return null;
  const options = layerOptions(config);
  const target = s.selectedScenario ? s.scenarios[s.selectedScenario]?.value?.target : undefined;
  const fallback = target ? `stage:${target.apiId}/${target.stage}` : 'account';
  const chosen = options.find((o) => o.key === (s.tuneLayer ?? fallback)) ?? options[0];
  return chosen ? { key: chosen.key, layer: chosen.layer } : null;
}

export function createHotApply(lab: LabApi, set: Set, get: Get): HotApplySlice {
  return {
    tuned: NO_TUNED_RUN,
    tuneLayer: null,
    tuneDraft: {},
    tuneBusy: false,
    tuneError: null,
    selectTuneLayer(key) {
      set({ tuneLayer: key, tuneDraft: {}, tuneError: null });
    },
    setTuneDraft(field, value) {
      set({ tuneDraft: { ...get().tuneDraft, [field]: normalise(field, value) } });
    },
    discardTuneDraft() {
      set({ tuneDraft: {}, tuneError: null });
    },
    async applyTuning() {
      const s = get();
      const { runId, config, changes } = s.tuned;
      const target = tuneLayerOf(s);
      if (runId === null || config === null || target === null || s.tuneBusy) return;
      if (s.runId !== runId || s.runPhase !== 'running') {
        set({ tuneError: 'Limits change only while a run goes.' });
        return;
      }
      if (Object.keys(s.tuneDraft).length === 0) return;
      const next = withFields(config, target.layer, s.tuneDraft);
      set({ tuneBusy: true, tuneError: null });
      try {
        const change = await lab.applyConfig(runId, next);
        if (get().tuned.runId !== runId) return;
        set({ tuned: { runId, config: next, changes: [...changes, change] }, tuneDraft: {} });
      } catch (error) {
        set({ tuneError: `Could not apply the change: ${errorMessage(error)}` });
      } finally {
        set({ tuneBusy: false });
      }
    },
  };
}

/**
 * Follows the run slice: a run starting takes the config it was started with (the selected one, read in the same
 * step the run slice reads it), and its id once the lab gives one. A reopened run sets `tuned` itself. Listens
 * with the plain (state, previous) form: the store is still being built when this is called.
 */
export function followRuns(
  subscribe: (listener: (state: LabState, previous: LabState) => void) => () => void,
  set: Set,
): void {
  subscribe((s, previous) => {
    if (s.runPhase === 'starting' && previous.runPhase !== 'starting') {
      const config = s.selectedConfig ? (s.configs[s.selectedConfig]?.value ?? null) : null;
      set({ tuned: { runId: null, config, changes: [] }, tuneDraft: {}, tuneError: null, reopenedRun: null });
    } else if (s.runId !== previous.runId && s.runId !== null && s.tuned.runId === null && s.tuned.config) {
      set({ tuned: { ...s.tuned, runId: s.runId } });
    }
  });
}
