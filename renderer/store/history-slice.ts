import type { LabApi, RunSummary } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { SliceCreator } from './lab-state.ts';

export interface HistorySlice {
  /** Past runs, newest first (the lab's order). */
  runs: RunSummary[];
  historyError: string | null;
  refreshRuns(): Promise<void>;
}

/** The run history the lab keeps. */
export const createHistorySlice =
  (lab: LabApi): SliceCreator<HistorySlice> =>
  (set) => ({
    runs: [],
    historyError: null,
    async refreshRuns() {
      try {
        const runs = await lab.listRuns();
        set({ runs, historyError: null });
      } catch (error) {
        set({ historyError: `Could not list past runs: ${errorMessage(error)}` });
      }
    },
  });
