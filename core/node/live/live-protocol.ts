import type { CountedOutcome } from '../../engine/run/counters.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/**
 * The messages between the live runner (main thread, next to the gateway) and its load generator (a worker
 * thread). Plain serialisable objects; responses travel in batches, never one message per request.
 */

/** One answered request, as the generator saw it. */
export interface LiveFact extends CountedOutcome {
  seq: number;
  /** Intended send time in ms since the start: the arrival, the retry's due time, or the closed loop's send. */
  t: number;
  attempt: number;
  client: string | null;
  method: string;
  path: string;
  apiId: string;
  /** From the intended send time, so a late send shows as latency (no coordinated omission). */
  latencyMs: number;
  /** The response body, only when the runner writes `--requests-out`. */
  body?: string;
}

/** What the worker starts with. */
export interface LoadWorkerData {
  scenario: Scenario;
  seed: number;
  /** `http://127.0.0.1:PORT` of the gateway. */
  origin: string;
  /** Send response bodies along (for `--requests-out`). */
  keepBodies: boolean;
  /** How long in-flight requests may take to answer once the plan has ended. */
  drainMs: number;
  /** Open-loop keep-alive connections at most. */
  maxConnections: number;
}

/** Per second of the run (index = second): what the generator meant to send and what it did send. */
export interface RateSeries {
  /** Requests whose intended send time fell in the second; null for a closed loop, which intends none. */
  intended: number[] | null;
  /** Requests written to a connection in the second. */
  achieved: number[];
  /** Every connection was busy at some point in the second, so requests queued behind the gateway's answers. */
  saturated: boolean[];
}

/** How the load ended. */
export interface LoadDone {
  type: 'done';
  /** ms since the start when the last answer came (at least the planned duration). */
  endMs: number;
  rates: RateSeries;
  /** Requests sent that got no answer (connection errors, timeouts, cut off at the end). */
  unanswered: number;
  firstError: string | null;
  /** Stopped early (Ctrl-C or the time bound). */
  stopped: boolean;
}

export type WorkerMessage =
  | { type: 'started'; startEpochMs: number }
  | { type: 'facts'; facts: LiveFact[]; skipped: number[] }
  /** Every response that finished before the end of `second` has been sent: the second can be closed. */
  | { type: 'second'; second: number }
  | LoadDone
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'stop' };
