import type { LabApi, RunComparison } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { GatewayConfig } from '../lab/types.ts';
import type { LabState } from './lab-state.ts';

/** The what-if choice that stands for the recommender's last tuned config. */
export const RECOMMENDED_CONFIG = '#recommended';

type Slot = 'a' | 'b';

export interface CompareSlice {
  /** Two saved runs to overlay. */
  compareRuns: Record<Slot, string | null>;
  /** Two configs (document names, or `RECOMMENDED_CONFIG`) for a what-if on the selected scenario. */
  whatIfConfigs: Record<Slot, string | null>;
  comparison: RunComparison | null;
  /** What `comparison` holds: two saved runs, or a what-if. */
  compareKind: 'runs' | 'whatIf' | null;
  compareBusy: boolean;
  compareError: string | null;
  pickCompareRun(slot: Slot, runId: string | null): void;
  pickWhatIfConfig(slot: Slot, name: string | null): void;
  compareSavedRuns(): Promise<void>;
  /** Runs the selected scenario, with its seed, against both configs in virtual mode. */
  runWhatIf(): Promise<void>;
}

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

/** How a what-if choice is named in the comparison: the tuned config has the same name as the one it came from. */
function choiceLabel(s: LabState, name: string): string {
  if (name === RECOMMENDED_CONFIG) return 'Recommended limits';
  return `${s.configs[name]?.value?.name ?? name} (${name})`;
}

/** A what-if choice's config, when it is valid. */
export function whatIfConfig(s: LabState, name: string | null): GatewayConfig | null {
  if (name === RECOMMENDED_CONFIG) return s.recommendation?.config ?? null;
  return name === null ? null : (s.configs[name]?.value ?? null);
}

export function createCompare(lab: LabApi, set: Set, get: Get): CompareSlice {
  const run = async (kind: 'runs' | 'whatIf', call: () => Promise<RunComparison>) => {
    if (get().compareBusy) return;
    set({ compareBusy: true, compareError: null });
    try {
      const comparison = await call();
      set({ comparison, compareKind: kind });
    } catch (error) {
      set({ compareError: `Could not compare: ${errorMessage(error)}` });
    } finally {
      set({ compareBusy: false });
    }
  };
  return {
    compareRuns: { a: null, b: null },
    whatIfConfigs: { a: null, b: null },
    comparison: null,
    compareKind: null,
    compareBusy: false,
    compareError: null,
    pickCompareRun(slot, runId) {
      set({ compareRuns: { ...get().compareRuns, [slot]: runId } });
    },
    pickWhatIfConfig(slot, name) {
      set({ whatIfConfigs: { ...get().whatIfConfigs, [slot]: name } });
    },
    async compareSavedRuns() {
      const { a, b } = get().compareRuns;
      if (a === null || b === null) {
        set({ compareError: 'Pick two runs to compare.' });
        return;
      }
      await run('runs', () => lab.compareRuns(a, b));
    },
    async runWhatIf() {
      const s = get();
      const choice = { a: s.whatIfConfigs.a ?? s.selectedConfig, b: s.whatIfConfigs.b };
      const a = whatIfConfig(s, choice.a);
      const b = whatIfConfig(s, choice.b);
      const scenario = s.selectedScenario ? s.scenarios[s.selectedScenario]?.value : undefined;
      if (!a || !b || !scenario) {
        set({ compareError: 'Pick two valid configs, and a valid scenario in the toolbar.' });
        return;
      }
      await run('whatIf', async () => {
        const result = await lab.whatIf(a, b, scenario, null);
        const label = (slot: 'a' | 'b') => choiceLabel(s, choice[slot]!);
        return { ...result, a: { ...result.a, label: label('a') }, b: { ...result.b, label: label('b') } };
      });
    },
  };
}
