import type {
  BucketSnapshot,
  CostEstimate,
  LabApi,
  LabEvent,
  PlaybackSpeed,
  QuotaSnapshot,
  RunMode,
  RunState,
  RunSummary,
  RunTick,
} from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { RouteTotals, Totals } from '../lab/types.ts';
import { documentName } from './document-info.ts';
import type { SliceCreator } from './lab-state.ts';
import { RunSeries } from './run-series.ts';

/** Where the current run is: before any run, waiting for the lab, going, or how it ended. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'stopping' | Exclude<RunState, 'running'>;

/** The latest state of the run, replaced on each tick (the series grow separately, in `series`). */
export interface LiveView {
  totals: Totals;
  buckets: BucketSnapshot[];
  byClient: Record<string, Totals>;
  byRoute: RouteTotals[];
  quotas: QuotaSnapshot[];
  /** The month's cost at the average rate so far; the saved report's once the run ends; null without prices. */
  cost: CostEstimate | null;
}

export interface RunSlice {
  runId: string | null;
  runPhase: RunPhase;
  mode: RunMode;
  speed: PlaybackSpeed;
  progress: { simulatedMs: number; plannedMs: number };
  live: LiveView | null;
  lastSummary: RunSummary | null;
  runError: string | null;
  /** The run's buckets by readable name; replaced only when a bucket is first seen, not per tick. */
  bucketNames: Array<{ id: string; label: string }>;
  /** Mutable and never replaced: charts read it from a subscription to `seriesVersion`. */
  series: RunSeries;
  seriesVersion: number;
  setMode(mode: RunMode): void;
  setSpeed(speed: PlaybackSpeed): Promise<void>;
  startRun(): Promise<void>;
  stopRun(): Promise<void>;
  receiveEvent(event: LabEvent): void;
  dismissRunError(): void;
}

const isActive = (phase: RunPhase) => phase === 'starting' || phase === 'running' || phase === 'stopping';

/** The run lifecycle: start, live ticks into ring buffers, playback speed, stop, and how it ended. */
export const createRunSlice =
  (lab: LabApi): SliceCreator<RunSlice> =>
  (set, get) => {
    /** Runs this UI has left behind, so their late events cannot be mistaken for the current run's. */
    const retired = new Set<string>();

    const isCurrent = (runId: string): boolean => {
      const { runId: current, runPhase } = get();
      if (retired.has(runId)) return false;
      if (current === null && runPhase === 'starting') {
        // The lab may push a run's first events before its startRun reply arrives.
        set({ runId });
        return true;
      }
      return current === runId;
    };

    function ingestTick(tick: RunTick): void {
      const { series, seriesVersion, runPhase } = get();
      const known = series.buckets.size;
      series.updateBuckets(tick.buckets);
      series.append(tick.closed);
      series.plannedSeconds = tick.plannedMs / 1000;
      const { totals, buckets, byClient, byRoute, quotas } = tick;
      set({
        runPhase: runPhase === 'starting' ? 'running' : runPhase,
        progress: { simulatedMs: tick.simulatedMs, plannedMs: tick.plannedMs },
        live: { totals, buckets, byClient, byRoute, quotas, cost: tick.cost ?? null },
        seriesVersion: seriesVersion + 1,
        // A new array only when a bucket is first seen, so the bucket picker does not re-render per tick.
        ...(series.buckets.size === known
          ? {}
          : { bucketNames: [...series.buckets.values()].map(({ id, label }) => ({ id, label })) }),
      });
    }

    return {
      runId: null,
      runPhase: 'idle',
      mode: 'virtual',
      speed: 10,
      progress: { simulatedMs: 0, plannedMs: 0 },
      live: null,
      lastSummary: null,
      runError: null,
      bucketNames: [],
      series: new RunSeries(),
      seriesVersion: 0,
      setMode(mode) {
        set({ mode });
      },
      async setSpeed(speed) {
        set({ speed });
        const { runId, runPhase, mode } = get();
        if (runId === null || runPhase !== 'running' || mode !== 'virtual') return;
        try {
          await lab.setPlaybackSpeed(runId, speed);
        } catch (error) {
          set({ runError: `Could not change the playback speed: ${errorMessage(error)}` });
        }
      },
      async startRun() {
        const { configs, selectedConfig, scenarios, selectedScenario, runPhase, mode, speed, series } = get();
        if (isActive(runPhase)) return;
        const config = selectedConfig ? configs[selectedConfig] : undefined;
        const scenario = selectedScenario ? scenarios[selectedScenario] : undefined;
        if (!config?.value || !scenario?.value) {
          const which = !config?.value ? 'config' : 'scenario';
          set({ runError: `The selected ${which} has errors; fix them before running it.` });
          return;
        }
        series.reset();
        set({
          runId: null,
          runPhase: 'starting',
          runError: null,
          live: null,
          lastSummary: null,
          bucketNames: [],
          progress: { simulatedMs: 0, plannedMs: 0 },
          seriesVersion: get().seriesVersion + 1,
        });
        try {
          const name = documentName(scenario, selectedScenario ?? 'run');
          const backend = get().backendCostPerMillion;
          const request = {
            config: config.value,
            scenario: scenario.value,
            mode,
            name,
            ...(backend === null ? {} : { backendCostPerMillion: backend }),
          };
          const { runId } = await lab.startRun(mode === 'virtual' ? { ...request, speed } : request);
          if (get().runPhase === 'starting') set({ runId, runPhase: 'running' });
          else if (get().runId === null) set({ runId });
        } catch (error) {
          set({ runPhase: 'failed', runError: `The run could not start: ${errorMessage(error)}` });
        }
      },
      async stopRun() {
        const { runId, runPhase } = get();
        if (runId === null || !isActive(runPhase)) return;
        set({ runPhase: 'stopping' });
        try {
          await lab.stopRun(runId);
        } catch (error) {
          if (get().runPhase === 'stopping') set({ runPhase: 'running' });
          set({ runError: `Could not stop the run: ${errorMessage(error)}` });
        }
      },
      receiveEvent(event) {
        if (event.type === 'run-tick') {
          if (isCurrent(event.tick.runId)) ingestTick(event.tick);
          return;
        }
        if (event.type !== 'run-ended' || !isCurrent(event.runId)) return;
        retired.add(event.runId);
        const { runError: shown, live } = get();
        const runError = event.error ? `The run ${event.state}: ${event.error}` : shown;
        const priced = live && event.cost !== undefined ? { live: { ...live, cost: event.cost } } : {};
        set({
          runPhase: event.state === 'running' ? 'finished' : event.state,
          lastSummary: event.summary,
          runError,
          ...priced,
        });
        void get().refreshRuns();
      },
      dismissRunError() {
        set({ runError: null });
      },
    };
  };
