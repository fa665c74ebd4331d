import type { LabApi } from '../../core/contract/lab-api.ts';
import type { SliceCreator } from './lab-state.ts';
import { createCompare, type CompareSlice } from './tuning-compare.ts';
import { createHotApply, followRuns, type HotApplySlice } from './tuning-hot-apply.ts';
import { createRecommend, type RecommendSlice } from './tuning-recommend.ts';
import { createRunFiles, type RunFilesSlice } from './tuning-runs.ts';
import type { ViewSlice } from './tuning-view.ts';

/**
 * Tuning (issue 8): the view tabs, hot-applying limits during a run, renaming, deleting and reopening saved runs,
 * comparing runs or configs, and the limit recommender.
 */
export type TuningSlice = ViewSlice & HotApplySlice & RunFilesSlice & CompareSlice & RecommendSlice;

export const createTuningSlice =
  (lab: LabApi): SliceCreator<TuningSlice> =>
  (set, get, store) => {
    followRuns((listener) => store.subscribe(listener), set);
    return {
      view: 'dashboard',
      setView(view) {
        set({ view });
      },
      ...createHotApply(lab, set, get),
      ...createRunFiles(lab, set, get),
      ...createCompare(lab, set, get),
      ...createRecommend(lab, set, get),
    };
  };
