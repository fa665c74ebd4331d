import type { LabApi, OpenedRun } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { LabState } from './lab-state.ts';

/** Run history actions: rename, delete, and reopening a saved run into the dashboard. */
export interface RunFilesSlice {
  /** The run the dashboard shows from the history rather than live; null for a run of this session. */
  reopenedRun: string | null;
  runFilesError: string | null;
  renameRun(runId: string, name: string): Promise<void>;
  deleteRun(runId: string): Promise<void>;
  /** Shows a saved run on the dashboard: charts filled from its series, tables from its totals. */
  openRun(runId: string): Promise<void>;
  dismissRunFilesError(): void;
}

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

const isActive = (s: LabState) => s.runPhase === 'starting' || s.runPhase === 'running' || s.runPhase === 'stopping';

/** Puts a saved run where the run slice keeps the current one, so every dashboard panel shows it unchanged. */
export function showOpenedRun(set: Set, get: Get, opened: OpenedRun): void {
  const { summary, report, buckets, changes } = opened;
  const { series, seriesVersion } = get();
  series.reset();
  series.updateBuckets(buckets);
  series.append(report.series);
  series.plannedSeconds = report.durationSeconds;
  const ms = report.durationSeconds * 1000;
  set({
    runId: summary.runId,
    runPhase: summary.state === 'running' ? 'finished' : summary.state,
    runError: null,
    progress: { simulatedMs: ms, plannedMs: ms },
    live: {
      totals: report.totals,
      buckets,
      byClient: report.byClient,
      byRoute: report.byRoute,
      quotas: report.quotas,
      cost: report.cost,
    },
    lastSummary: summary,
    bucketNames: buckets.map(({ id, label }) => ({ id, label })),
    seriesVersion: seriesVersion + 1,
    tuned: { runId: summary.runId, config: report.config, changes },
    tuneDraft: {},
    reopenedRun: summary.runId,
    view: 'dashboard',
  });
}

export function createRunFiles(lab: LabApi, set: Set, get: Get): RunFilesSlice {
  const fail = (what: string) => (error: unknown) => set({ runFilesError: `${what}: ${errorMessage(error)}` });
  return {
    reopenedRun: null,
    runFilesError: null,
    async renameRun(runId, name) {
      const trimmed = name.trim();
      if (trimmed === '') return;
      try {
        const row = await lab.renameRun(runId, trimmed);
        set({ runs: get().runs.map((r) => (r.runId === runId ? row : r)), runFilesError: null });
      } catch (error) {
        fail('Could not rename the run')(error);
      }
    },
    async deleteRun(runId) {
      try {
        await lab.deleteRun(runId);
        const s = get();
        const { a, b } = s.compareRuns;
        set({
          runs: s.runs.filter((r) => r.runId !== runId),
          compareRuns: { a: a === runId ? null : a, b: b === runId ? null : b },
          runFilesError: null,
        });
      } catch (error) {
        fail('Could not delete the run')(error);
      }
    },
    async openRun(runId) {
      if (isActive(get())) {
        set({ runFilesError: 'Stop the current run before opening another one.' });
        return;
      }
      try {
        const opened = await lab.openRun(runId);
        if (isActive(get())) return;
        showOpenedRun(set, get, opened);
        set({ runFilesError: null });
      } catch (error) {
        fail('Could not open the run')(error);
      }
    },
    dismissRunFilesError() {
      set({ runFilesError: null });
    },
  };
}
