import type { RequestOutcome } from '../gateway/types.ts';
import { LatencyHistogram } from '../metrics/latency-histogram.ts';
import { addCounters, countInto, emptyCounters, type Counters } from './counters.ts';
import type { RouteTotals, SeriesPoint, Totals } from './report-types.ts';

/** What a run knows about one response: the gateway's outcome plus when and for whom it happened. */
export interface ResponseFacts {
  seq: number;
  /** Arrival time in ms since the start. */
  t: number;
  attempt: number;
  client: string | null;
  latencyMs: number;
  outcome: Pick<
    RequestOutcome,
    'status' | 'gatewayError' | 'throttledBy' | 'cache' | 'integrationCalled' | 'apiId' | 'stage' | 'routeKey'
  >;
}

/** The responses of one client on one route; totals, per-client and per-route figures are merged from these. */
interface Cell {
  client: string;
  apiId: string | null;
  stage: string | null;
  routeKey: string | null;
  counters: Counters;
  latency: LatencyHistogram;
}

interface ClientCells {
  byRoute: Map<string | null, Cell[]>;
  last: Cell | null;
}

function merge(cells: readonly Cell[]): Totals {
  const counters = emptyCounters();
  const latency = new LatencyHistogram();
  for (const cell of cells) {
    addCounters(counters, cell.counters);
    latency.add(cell.latency);
  }
  return { ...counters, latencyMs: latency.percentiles() };
}

const NO_CLIENT = '(none)';

/**
 * Aggregates a run's responses into the report's totals, per-second series, per-client and per-route totals.
 * Both the virtual simulator and the live runner feed it, so both modes count by the same rules. Each response
 * is counted once, in its client × route cell, and the three views are merged from the cells when asked.
 */
export class RunRecorder {
  /** Cells by client, then by route key (the engine hands out the same key strings, so no string is built). */
  private readonly cells = new Map<string, ClientCells>();
  private readonly order: Cell[] = [];
  /** Seconds with traffic only: an idle stretch (a quiet trace, a month-long quota test) costs nothing. */
  private readonly points = new Map<number, SeriesPoint>();
  private sorted: SeriesPoint[] | null = [];
  private lastSecond = -1;
  private lastPoint: SeriesPoint | null = null;
  private readonly secondLatency = new LatencyHistogram(2);
  private count = 0;

  constructor(private readonly clientNames: readonly string[]) {}

  record(facts: ResponseFacts): void {
    this.recordResponse(facts.t, facts.attempt, facts.client, facts.latencyMs, facts.outcome);
  }

  /** `record` without building its facts: the simulator calls this once per response. */
  recordResponse(
    t: number,
    attempt: number,
    client: string | null,
    latencyMs: number,
    outcome: ResponseFacts['outcome'],
  ): void {
    this.count++;
    const cell = this.cell(client ?? NO_CLIENT, outcome);
    countInto(cell.counters, outcome, attempt);
    cell.latency.record(latencyMs);
    const point = this.point(Math.floor(t / 1000));
    countInto(point, outcome, attempt);
    if (attempt === 1) point.offered++;
    this.secondLatency.record(latencyMs);
  }

  private cell(client: string, { apiId, stage, routeKey }: ResponseFacts['outcome']): Cell {
    let cells = this.cells.get(client);
    if (!cells) this.cells.set(client, (cells = { byRoute: new Map(), last: null }));
    // A client's responses mostly come from the route it used last: one check instead of two lookups.
    const last = cells.last;
    if (last !== null && last.routeKey === routeKey && last.apiId === apiId && last.stage === stage) return last;
    let candidates = cells.byRoute.get(routeKey);
    if (!candidates) cells.byRoute.set(routeKey, (candidates = []));
    for (const candidate of candidates) {
      if (candidate.apiId === apiId && candidate.stage === stage) return (cells.last = candidate);
    }
    const cell: Cell = { client, apiId, stage, routeKey, counters: emptyCounters(), latency: new LatencyHistogram() };
    candidates.push(cell);
    this.order.push(cell);
    return (cells.last = cell);
  }

  /** Notes that a request arrived in `second`, so that second gets a series point even before it is answered. */
  touch(second: number): void {
    this.point(second);
  }

  /**
   * Ends second `second`: the latency of responses sent in it, and each bucket's level at its end. A second with
   * no arrival and no response stays out of the series, and its bucket levels are never computed.
   */
  closeSecond(second: number, bucketLevels: Record<string, number> | (() => Record<string, number>)): void {
    if (this.secondLatency.count === 0 && !this.points.has(second)) return;
    const point = this.point(second);
    point.latencyMs = this.secondLatency.percentiles();
    point.buckets = typeof bucketLevels === 'function' ? bucketLevels() : bucketLevels;
    this.secondLatency.reset();
  }

  private point(second: number): SeriesPoint {
    // Responses come mostly in the second their request arrived in: the last point saves the lookup.
    if (second === this.lastSecond) return this.lastPoint!;
    let point = this.points.get(second);
    this.lastSecond = second;
    if (point === undefined) {
      point = { t: second, offered: 0, ...emptyCounters(), latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 }, buckets: {} };
      this.points.set(second, point);
      this.sorted = null;
    }
    this.lastPoint = point;
    return point;
  }

  get sent(): number {
    return this.count;
  }

  totals(): Totals {
    return merge(this.order);
  }

  /** The seconds with traffic, in order; each point's `t` says which second it is. */
  series(): SeriesPoint[] {
    this.sorted ??= [...this.points.values()].sort((a, b) => a.t - b.t);
    return this.sorted;
  }

  /** The points of seconds `from` (inclusive) to `to` (exclusive). */
  seriesBetween(from: number, to: number): SeriesPoint[] {
    return this.series().filter((point) => point.t >= from && point.t < to);
  }

  /** Every scenario client (even one that sent nothing), then `(none)` for requests without a client. */
  byClient(): Record<string, Totals> {
    const out: Record<string, Totals> = {};
    const names = [...this.clientNames, ...[...this.cells.keys()].filter((name) => !this.clientNames.includes(name))];
    for (const name of names) out[name] = merge(this.order.filter((cell) => cell.client === name));
    return out;
  }

  byRoute(): RouteTotals[] {
    const routes: Array<{ apiId: string | null; stage: string | null; routeKey: string | null; cells: Cell[] }> = [];
    for (const cell of this.order) {
      let route = routes.find((r) => r.apiId === cell.apiId && r.stage === cell.stage && r.routeKey === cell.routeKey);
      if (!route) routes.push((route = { apiId: cell.apiId, stage: cell.stage, routeKey: cell.routeKey, cells: [] }));
      route.cells.push(cell);
    }
    return routes.map(({ apiId, stage, routeKey, cells }) => ({ apiId, stage, routeKey, ...merge(cells) }));
  }
}
