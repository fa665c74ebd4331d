import type { StateCreator } from 'zustand';
import type { ConfigSlice } from './config-slice.ts';
import type { EditorSlice } from './editor-slice.ts';
import type { HistorySlice } from './history-slice.ts';
import type { InsightSlice } from './insight-slice.ts';
import type { RunSlice } from './run-slice.ts';
import type { ScenarioSlice } from './scenario-slice.ts';
import type { TuningSlice } from './tuning-slice.ts';

/** Loads every example and the run history, then marks the app ready. */
export interface AppActions {
  initialise(): Promise<void>;
  /** Stops listening to the lab (tests, unmount). */
  dispose(): void;
}

/** The whole store: the four slices of ARCHITECTURE.md "Renderer" plus the app-level actions. */
export type LabState = ConfigSlice &
  ScenarioSlice &
  RunSlice &
  HistorySlice &
  EditorSlice &
  TuningSlice &
  InsightSlice &
  AppActions;

/** The middleware on the combined store, which every slice creator must declare. */
export type StoreMutators = [['zustand/subscribeWithSelector', never]];

/** A slice creator over the combined store. */
export type SliceCreator<Slice> = StateCreator<LabState, StoreMutators, [], Slice>;
