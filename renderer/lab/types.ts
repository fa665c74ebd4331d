/**
 * Engine types as the renderer sees them, derived from the contract so the renderer never names an engine
 * module (the lint zones forbid it, even for types).
 */
import type { LoadedDocument, RunTick, StartRunRequest } from '../../core/contract/lab-api.ts';

/** One closed second of a run (SPEC §8 `series` entry). */
export type SeriesPoint = RunTick['closed'][number];
/** SPEC §8 `totals`. */
export type Totals = RunTick['totals'];
/** Per-route totals as a tick carries them. */
export type RouteTotals = RunTick['byRoute'][number];
/** A validated gateway config. */
export type GatewayConfig = StartRunRequest['config'];
/** A validated scenario. */
export type Scenario = StartRunRequest['scenario'];
/** A loaded config document. */
export type ConfigDocument = LoadedDocument<GatewayConfig>;
/** A loaded scenario document. */
export type ScenarioDocument = LoadedDocument<Scenario>;
