import type { CurvePoint, LabApi, RecommendResult } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { GatewayConfig, Scenario } from '../lab/types.ts';
import { fieldPath } from '../tuning/layer-fields.ts';
import { layerOptions, type LayerOption } from '../tuning/layers.ts';
import type { LabState } from './lab-state.ts';

export const DEFAULT_GOAL = 'throttledRatio<=0.01';

export interface RecommendSlice {
  /** The layer to search (`layerKey`); null picks the scenario's target stage. */
  recommendLayer: string | null;
  recommendGoal: string;
  /** The curve so far, from the lab's `recommend-progress` events. */
  recommendProgress: { evaluations: number; points: CurvePoint[] } | null;
  recommendation: RecommendResult | null;
  /** The config document the recommendation was computed for. */
  recommendedFor: string | null;
  recommendBusy: boolean;
  recommendError: string | null;
  /** What Apply wrote, for the confirmation line. */
  recommendApplied: string | null;
  setRecommendLayer(key: string): void;
  setRecommendGoal(goal: string): void;
  runRecommend(): Promise<void>;
  /** Writes the recommended rate and burst into the config the dashboard runs (an editor edit: undo works). */
  applyRecommendation(): void;
}

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

/** The layers of a config on the scenario's target API, and the one picked (else the target stage). */
export function targetLayers(
  config: GatewayConfig | null | undefined,
  target: Scenario['target'] | undefined,
  picked: string | null,
): { options: LayerOption[]; chosen: LayerOption | null } {
  if (!config) return { options: [], chosen: null };
  const options = layerOptions(config, target?.apiId);
  const fallback = target ? `stage:${target.apiId}/${target.stage}` : 'account';
  const chosen = options.find((o) => o.key === (picked ?? fallback)) ?? options[0] ?? null;
  return { options, chosen };
}

/** The selected config's and scenario's layers, and the one the recommender will search. */
export function recommendTarget(s: LabState) {
  const config = s.selectedConfig ? s.configs[s.selectedConfig]?.value : undefined;
  const target = s.selectedScenario ? s.scenarios[s.selectedScenario]?.value?.target : undefined;
  return targetLayers(config, target, s.recommendLayer);
}

let requests = 0;

export function createRecommend(lab: LabApi, set: Set, get: Get): RecommendSlice {
  return {
    recommendLayer: null,
    recommendGoal: DEFAULT_GOAL,
    recommendProgress: null,
    recommendation: null,
    recommendedFor: null,
    recommendBusy: false,
    recommendError: null,
    recommendApplied: null,
    setRecommendLayer(key) {
      set({ recommendLayer: key });
    },
    setRecommendGoal(goal) {
      set({ recommendGoal: goal });
    },
    async runRecommend() {
      const s = get();
      if (s.recommendBusy) return;
      const config = s.selectedConfig ? s.configs[s.selectedConfig]?.value : undefined;
      const scenario = s.selectedScenario ? s.scenarios[s.selectedScenario]?.value : undefined;
      const { chosen } = recommendTarget(s);
      if (!config || !scenario || !chosen) {
        set({ recommendError: 'The selected config and scenario must be valid to search limits.' });
        return;
      }
      const id = `rec-${Date.now().toString(36)}-${++requests}`;
      const points: CurvePoint[] = [];
      const off = lab.onEvent((event) => {
        if (event.type !== 'recommend-progress' || event.id !== id) return;
        points.push(event.point);
        set({ recommendProgress: { evaluations: event.evaluations, points: [...points] } });
      });
      set({
        recommendBusy: true,
        recommendError: null,
        recommendApplied: null,
        recommendation: null,
        recommendProgress: { evaluations: 0, points: [] },
      });
      try {
        const request = { config, scenario, layer: chosen.layer, goal: s.recommendGoal.trim(), id };
        const recommendation = await lab.recommend(request);
        set({ recommendation, recommendedFor: s.selectedConfig });
      } catch (error) {
        set({ recommendError: `The search failed: ${errorMessage(error)}` });
      } finally {
        off();
        set({ recommendBusy: false });
      }
    },
    applyRecommendation() {
      const s = get();
      const result = s.recommendation;
      const config = s.selectedConfig ? s.configs[s.selectedConfig]?.value : undefined;
      if (!result?.limits || !config) return;
      if (s.recommendedFor !== s.selectedConfig) {
        set({ recommendError: `This recommendation is for ${s.recommendedFor ?? 'another config'}; select it first.` });
        return;
      }
      const ratePath = fieldPath(config, result.layer, 'rate');
      const burstPath = fieldPath(config, result.layer, 'burst');
      if (ratePath === null || burstPath === null) {
        set({ recommendError: 'The config no longer has this layer.' });
        return;
      }
      s.setField('config', ratePath, result.limits.rate);
      get().setField('config', burstPath, result.limits.burst);
      const { rate, burst } = result.limits;
      set({ recommendApplied: `Applied rate ${rate} req/s and burst ${burst} to the config.`, recommendError: null });
    },
  };
}
