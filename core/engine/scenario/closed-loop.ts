import type { ConcurrencyConfig } from './schema.ts';

/** A closed-loop load, normalised for the runner: each connection sends, waits for the response, then `rttMs`. */
export interface ClosedLoopPlan {
  connections: number;
  durationMs: number;
  /** The client-side round trip added after each response before the connection sends again (SPEC §7). */
  rttMs: number;
  /** Stop after this many first attempts in total, or null to run for the whole duration. */
  maxRequests: number | null;
}

/** Normalises a scenario's `concurrency` block; requests come from the same mix and clients as open loops. */
export function closedLoopPlan(concurrency: ConcurrencyConfig): ClosedLoopPlan {
  return {
    connections: concurrency.connections,
    durationMs: concurrency.durationSeconds * 1000,
    rttMs: concurrency.rttMs,
    maxRequests: concurrency.maxRequests ?? null,
  };
}
