/**
 * The one contract between the UI and the lab host (ARCHITECTURE.md "Processes"). The renderer talks only to
 * `LabApi`; Electron's preload, the browser mode's WebSocket bridge and the tests each host one implementation
 * of it over core. Everything that crosses it is plain, serialisable data.
 */
import type { GatewayConfig } from '../engine/config/schema.ts';
import type { CostEstimate } from '../engine/cost/cost-types.ts';
import type { RunReport, SeriesPoint, Totals } from '../engine/run/report-types.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { DiffRow } from '../engine/tuning/compare.ts';
import type { Limits, TuningLayer } from '../engine/tuning/layer-limits.ts';
import type { CurvePoint, Recommendation } from '../engine/tuning/recommend.ts';

/** One problem (error or warning) with its JSON path, formatted the way `gatelab validate` prints it. */
export interface FieldProblem {
  /** JSON path segments, e.g. `["apis", 0, "stages", 1, "deploymentId"]`. */
  path: Array<string | number>;
  /** `apis[0].stages[1].deploymentId` */
  pathText: string;
  message: string;
}

/** The result of validating a document: the normalised value when valid, and every error and lint warning. */
export interface ValidationResult<T> {
  ok: boolean;
  value: T | null;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export type DocumentKind = 'config' | 'scenario';
/** What a save dialog saves: a document, or an exported run report (HTML, CSV or JSON). */
export type SaveKind = DocumentKind | 'report';

/** A document as loaded: its raw JSON (kept even when invalid, so the editor can show every error at its field). */
export interface LoadedDocument<T> extends ValidationResult<T> {
  kind: DocumentKind;
  /** Where it came from: a file path, an example name, or null for an upload. */
  source: string | null;
  raw: unknown;
}

export interface ExampleInfo {
  kind: DocumentKind;
  /** File name, e.g. `petstore.gatelab.json`. */
  name: string;
  title: string;
  description: string;
}

export type RunMode = 'virtual' | 'live';

/** Virtual playback speed: simulated seconds per wall-clock second, or `max` for as fast as possible. */
export type PlaybackSpeed = 0.1 | 1 | 10 | 'max';

export interface StartRunRequest {
  config: GatewayConfig;
  scenario: Scenario;
  mode: RunMode;
  seed?: number;
  speed?: PlaybackSpeed;
  /** A name for the run history; defaults to the scenario's name. */
  name?: string;
  /** What a million backend calls cost, to value the calls the cache saves in the run's cost estimate. */
  backendCostPerMillion?: number;
}

export interface BucketSnapshot {
  id: string;
  /** A readable name: "Stage prod · GET /pets/{id}", "Usage plan free · key alice", "Account". */
  label: string;
  rate: number;
  burst: number;
  level: number;
}

export interface QuotaSnapshot {
  planId: string;
  keyId: string;
  limit: number;
  used: number;
  remaining: number;
  resetsAt: string;
}

/**
 * What the lab sends while a run goes, 4–10 times a second (never one message per request): the seconds
 * completed since the last tick, the second in progress, and the current state.
 */
export interface RunTick {
  runId: string;
  simulatedMs: number;
  plannedMs: number;
  /** Seconds closed since the previous tick, in order; the UI appends them to its ring buffers. */
  closed: SeriesPoint[];
  totals: Totals;
  buckets: BucketSnapshot[];
  byClient: Record<string, Totals>;
  byRoute: Array<Totals & { apiId: string | null; stage: string | null; routeKey: string | null }>;
  quotas: QuotaSnapshot[];
  /**
   * The month's cost at the run's average rate so far (SPEC §8 `cost`), priced by the lab host; null or absent
   * when the host has no price table.
   */
  cost?: CostEstimate | null;
}

export type RunState = 'running' | 'finished' | 'stopped' | 'failed';

export interface RunSummary {
  runId: string;
  name: string;
  scenarioName: string;
  mode: RunMode;
  seed: number;
  state: RunState;
  /** ISO-8601 UTC; in virtual mode the scenario's simulated `startTime`, so runs are ordered by `savedAt`. */
  startedAt: string;
  /** Wall-clock ISO-8601 UTC time the run ended and was saved; absent while it runs. The history's sort key. */
  savedAt?: string;
  durationSeconds: number;
  sent: number;
  ok: number;
  throttled: number;
  quotaExceeded: number;
  p99: number;
  cacheHitRatio: number;
}

export type LabEvent =
  | { type: 'run-tick'; tick: RunTick }
  /** `cost` is the saved report's estimate (null without a price table, absent when there was no report). */
  | {
      type: 'run-ended';
      runId: string;
      state: RunState;
      summary: RunSummary;
      error?: string;
      cost?: CostEstimate | null;
    }
  /** One virtual run of a recommendation done: its point on the goal-versus-rate curve. */
  | { type: 'recommend-progress'; id: string; evaluations: number; point: CurvePoint };

/** `report-html` is the self-contained HTML report (inline CSS and SVG charts; it loads nothing). */
export type ExportFormat = 'report-json' | 'report-html' | 'series-csv' | 'config-json' | 'tested-config-json';

/** The file an export produces; the host writes it (Electron: a save dialog) or the browser downloads it. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/**
 * The result of a config operation (Deploy, Promote): the config with the operation applied, validated. Its `raw`
 * keeps the shape the caller gave (extension keys, unset defaults), so an editor can keep editing it.
 */
export interface ConfigOperationResult {
  document: LoadedDocument<GatewayConfig>;
  /** The deployment Deploy created (`d3`); absent for other operations. */
  deploymentId?: string;
}

/** A config hot-applied during a run (SPEC §9 "Hot-apply"), drawn on the charts as an annotation. */
export interface ConfigChange {
  /** Run time, in ms since the start (simulated in virtual mode), at which the change took effect. */
  atMs: number;
  /** What changed, e.g. `stage petstore/prod "*\/*": rate 100 → 300`. */
  description: string;
}

/** A saved run reopened into the dashboard: its report, its buckets with readable labels, and its hot-applies. */
export interface OpenedRun {
  summary: RunSummary;
  report: RunReport;
  buckets: BucketSnapshot[];
  changes: ConfigChange[];
}

/** Two runs side by side: two saved runs, or a what-if's two configs on the same scenario and seed. */
export interface RunComparison {
  a: { label: string; report: RunReport };
  b: { label: string; report: RunReport };
  /** Throttled % by layer, p99, cache hit %, integration calls…: A, B and the change. */
  diff: DiffRow[];
}

export type { CostEstimate, CurvePoint, DiffRow, Limits, TuningLayer };

/** What `recommend` searches: the smallest limits at `layer` that meet `goal` on `scenario`, in virtual mode. */
export interface RecommendRequest {
  config: GatewayConfig;
  scenario: Scenario;
  layer: TuningLayer;
  /** An assertion over the run's totals (SPEC §8 `--assert` names), e.g. `throttledRatio<=0.01`. */
  goal: string;
  seed?: number;
  /** Chosen by the caller to tell its `recommend-progress` events apart; the lab makes one up otherwise. */
  id?: string;
}

/** A recommendation (the engine's result) with the id and goal it answers. */
export type RecommendResult = Recommendation & { id: string; goal: string };

/** The lab, as the UI sees it. Every method is async: the lab runs in another process or across a socket. */
export interface LabApi {
  listExamples(): Promise<ExampleInfo[]>;
  loadExample(name: string): Promise<LoadedDocument<GatewayConfig> | LoadedDocument<Scenario>>;
  /** Validates JSON text or an already parsed value as a config. */
  validateConfig(data: unknown): Promise<LoadedDocument<GatewayConfig>>;
  validateScenario(data: unknown): Promise<LoadedDocument<Scenario>>;
  /** Saves a document to a path chosen by the host (Electron) and returns the path, or null if cancelled. */
  saveDocument(kind: SaveKind, value: unknown, suggestedName: string): Promise<string | null>;
  /** Opens a document chosen by the host (Electron's dialog); null if cancelled. */
  openDocument(kind: DocumentKind): Promise<LoadedDocument<GatewayConfig> | LoadedDocument<Scenario> | null>;

  startRun(request: StartRunRequest): Promise<{ runId: string }>;
  stopRun(runId: string): Promise<void>;
  setPlaybackSpeed(runId: string, speed: PlaybackSpeed): Promise<void>;
  listRuns(): Promise<RunSummary[]>;
  getReport(runId: string): Promise<RunReport | null>;
  exportRun(runId: string, format: ExportFormat): Promise<ExportedFile>;
  /**
   * "Deploy" (AWS CreateDeployment): snapshots an API's working routes into a new deployment stamped with the
   * host's clock, and points `stages` at it. `config` is a config document (parsed JSON or text); it must be valid.
   */
  deploy(config: unknown, apiId: string, description: string, stages: string[]): Promise<ConfigOperationResult>;
  /** Promotes a stage's canary (SPEC §9 "Canary promotion"); `config` must be a valid config document. */
  promoteCanary(config: unknown, apiId: string, stage: string): Promise<ConfigOperationResult>;

  /**
   * Hot-applies a config to a running run (SPEC §9: bucket levels clamped to the new burst, quota usage kept, the
   * cache flushed only when a stage's cache size or deployment changes). The config is validated first; the change
   * is kept in the run's history. Live runs reject with `unsupported` for now.
   */
  applyConfig(runId: string, config: unknown): Promise<ConfigChange>;
  /** Renames a run in the history (its file is rewritten atomically); returns its new row. */
  renameRun(runId: string, name: string): Promise<RunSummary>;
  /** Deletes a finished run and its file. */
  deleteRun(runId: string): Promise<void>;
  /** A saved run, for the dashboard to show again. */
  openRun(runId: string): Promise<OpenedRun>;
  /** Two saved runs and the diff of their totals. */
  compareRuns(runIdA: string, runIdB: string): Promise<RunComparison>;
  /**
   * Runs one scenario and seed against two configs in virtual mode (identical arrivals, SPEC §9) and diffs them.
   * `seed` null means the scenario's own; transports carry a fixed number of arguments, so it is never left out.
   */
  whatIf(configA: unknown, configB: unknown, scenario: unknown, seed: number | null): Promise<RunComparison>;
  /** Searches the smallest limits meeting a goal in a worker, streaming `recommend-progress` events. */
  recommend(request: RecommendRequest): Promise<RecommendResult>;

  /** Subscribes to lab events; returns the unsubscribe function. */
  onEvent(listener: (event: LabEvent) => void): () => void;
}

/** The methods a transport (IPC, WebSocket) carries one message each for, with their argument counts. */
export const LAB_METHODS = {
  listExamples: 0,
  loadExample: 1,
  validateConfig: 1,
  validateScenario: 1,
  saveDocument: 3,
  openDocument: 1,
  startRun: 1,
  stopRun: 1,
  setPlaybackSpeed: 2,
  listRuns: 0,
  getReport: 1,
  exportRun: 2,
  deploy: 4,
  promoteCanary: 3,
  applyConfig: 2,
  renameRun: 2,
  deleteRun: 1,
  openRun: 1,
  compareRuns: 2,
  whatIf: 4,
  recommend: 1,
} as const satisfies Record<Exclude<keyof LabApi, 'onEvent'>, number>;

export type LabMethod = keyof typeof LAB_METHODS;
