import { planClients, type PlannedRequest } from './request-generator.ts';
import type { ClientConfig, TraceEntry } from './schema.ts';

/** One trace entry, normalised: its time, how many identical requests it sends then, and the request. */
export interface TracePlanEntry {
  at: number;
  count: number;
  /** The entry's index in the scenario's `trace`. */
  index: number;
  request: PlannedRequest;
}

interface TraceScenario {
  target: { apiId: string };
  trace: readonly TraceEntry[];
  clients: readonly ClientConfig[];
}

/**
 * Normalises a trace: sorted by `at`, entries with the same `at` kept in file order (SPEC §6).
 * Paths stay as written, stage and query included, and `stage` is null because the gateway reads
 * the stage from the path. Header names are lower-cased, and a named client adds its API key as
 * `x-api-key` unless the entry sets that header; its retry policy comes along.
 */
export function planTrace(scenario: TraceScenario): TracePlanEntry[] {
  const clients = new Map(planClients(scenario.clients).map((c) => [c.name, c]));
  const planned = scenario.trace.map((entry, index): TracePlanEntry => {
    const client = entry.client === undefined ? null : (clients.get(entry.client) ?? null);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.headers ?? {})) headers[name.toLowerCase()] = value;
    if (client !== null && client.apiKey !== null && headers['x-api-key'] === undefined) {
      headers['x-api-key'] = client.apiKey;
    }
    const request: PlannedRequest = {
      method: entry.method,
      path: entry.path,
      routeTemplate: null,
      headers,
      apiId: entry.apiId ?? scenario.target.apiId,
      stage: null,
      client: client === null ? null : client.name,
      retry: client === null ? null : client.retry,
    };
    if (entry.body !== undefined) request.body = entry.body;
    return { at: entry.at, count: entry.count, index, request };
  });
  // Array.prototype.sort is stable, which is what keeps equal `at`s in file order.
  return planned.sort((a, b) => a.at - b.at);
}

/**
 * Expands a planned trace one arrival at a time without materialising `count` copies: `next()` returns
 * the arrival time in ms, or -1 at the end, and `request` then holds a fresh copy of its request.
 */
export class TraceCursor {
  private entry = 0;
  private emitted = 0;
  /** The request of the arrival `next()` last returned. */
  request: PlannedRequest | null = null;

  constructor(private readonly entries: readonly TracePlanEntry[]) {}

  next(): number {
    while (this.entry < this.entries.length) {
      const entry = this.entries[this.entry]!;
      if (this.emitted < entry.count) {
        this.emitted++;
        this.request = { ...entry.request, headers: { ...entry.request.headers } };
        return entry.at;
      }
      this.entry++;
      this.emitted = 0;
    }
    this.request = null;
    return -1;
  }
}
