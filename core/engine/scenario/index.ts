/**
 * Scenarios (SPEC §6): validate with `parseScenario`, then plan as pure data and cursors that a runner
 * executes — arrival times, the request of each arrival, a trace's time-ordered requests, a closed
 * loop's settings, retry waits and the offered-rate preview.
 */
export { parseScenario } from './parse-scenario.ts';
export {
  ARRIVAL_KINDS,
  DEFAULT_START_TIME,
  JITTER_KINDS,
  REQUEST_METHODS,
  scenarioSchema,
  type ArrivalKind,
  type ClientConfig,
  type ConcurrencyConfig,
  type JitterKind,
  type MixEntry,
  type Phase,
  type RequestMethod,
  type RetryPolicy,
  type Scenario,
  type ScenarioInput,
  type TraceEntry,
} from './schema.ts';
export type { ParamValue, ValueGenerator, WeightedValue } from './generator-schema.ts';
export { ArrivalCursor, arrivalTimes } from './arrivals.ts';
export {
  RequestGenerator,
  planClients,
  requestGenerator,
  type PlannedClient,
  type PlannedRequest,
  type RequestPlanOptions,
} from './request-generator.ts';
export { planTrace, TraceCursor, type TracePlanEntry } from './trace.ts';
export { closedLoopPlan, type ClosedLoopPlan } from './closed-loop.ts';
export { retryDelayMs, shouldRetry } from './retry.ts';
export {
  expectedArrivalCount,
  expectedPeakRate,
  offeredRateAt,
  offeredRateSeries,
  scenarioDurationMs,
} from './offered-rate.ts';
export { WeightedPicker, ZipfSampler } from './weighted-picker.ts';
