import type { RequestOutcome } from '../gateway/types.ts';
import { LatencyHistogram } from '../metrics/latency-histogram.ts';
import { countInto, emptyCounters, type Counters } from './counters.ts';
import type { LatencyPercentiles, RouteTotals, SeriesPoint, Totals } from './report-types.ts';

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

class Group {
  readonly counters: Counters = emptyCounters();
  readonly latency = new LatencyHistogram();

  add(facts: ResponseFacts): void {
    countInto(this.counters, facts.outcome, facts.attempt);
    this.latency.record(facts.latencyMs);
  }

  totals(): Totals {
    return { ...structuredClone(this.counters), latencyMs: percentiles(this.latency) };
  }
}

export function percentiles(histogram: LatencyHistogram): LatencyPercentiles {
  const summary = histogram.summary();
  return { p50: summary.p50, p90: summary.p90, p99: summary.p99, max: summary.max };
}

const NO_CLIENT = '(none)';

interface RouteGroup {
  apiId: string | null;
  stage: string | null;
  routeKey: string | null;
  group: Group;
}

/**
 * Aggregates a run's responses into the report's totals, per-second series, per-client and per-route totals.
 * Both the virtual simulator and the live runner feed it, so both modes count by the same rules.
 */
export class RunRecorder {
  private readonly all = new Group();
  private readonly clients = new Map<string, Group>();
  /** By route key first: the engine hands out the same key strings, so this lookup needs no string building. */
  private readonly routes = new Map<string | null, RouteGroup[]>();
  private readonly points: SeriesPoint[] = [];
  private readonly secondLatency = new LatencyHistogram();

  constructor(clientNames: readonly string[]) {
    for (const name of clientNames) this.clients.set(name, new Group());
  }

  record(facts: ResponseFacts): void {
    this.all.add(facts);
    const clientName = facts.client ?? NO_CLIENT;
    let client = this.clients.get(clientName);
    if (!client) this.clients.set(clientName, (client = new Group()));
    client.add(facts);
    this.routeGroup(facts.outcome).add(facts);
    const point = this.point(Math.floor(facts.t / 1000));
    countInto(point, facts.outcome, facts.attempt);
    if (facts.attempt === 1) point.offered++;
    this.secondLatency.record(facts.latencyMs);
  }

  private routeGroup({ apiId, stage, routeKey }: ResponseFacts['outcome']): Group {
    let candidates = this.routes.get(routeKey);
    if (!candidates) this.routes.set(routeKey, (candidates = []));
    for (const candidate of candidates)
      if (candidate.apiId === apiId && candidate.stage === stage) return candidate.group;
    const group = new Group();
    candidates.push({ apiId, stage, routeKey, group });
    return group;
  }

  /** Ends second `second`: the latency of responses sent in it, and each bucket's level at its end. */
  closeSecond(second: number, bucketLevels: Record<string, number>): void {
    const point = this.point(second);
    point.latencyMs = percentiles(this.secondLatency);
    point.buckets = bucketLevels;
    this.secondLatency.reset();
  }

  private point(second: number): SeriesPoint {
    while (this.points.length <= second) {
      this.points.push({
        t: this.points.length,
        offered: 0,
        ...emptyCounters(),
        latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
        buckets: {},
      });
    }
    return this.points[second]!;
  }

  get sent(): number {
    return this.all.counters.sent;
  }

  totals(): Totals {
    return this.all.totals();
  }

  series(): SeriesPoint[] {
    return this.points;
  }

  byClient(): Record<string, Totals> {
    const out: Record<string, Totals> = {};
    for (const [name, group] of this.clients) out[name] = group.totals();
    return out;
  }

  byRoute(): RouteTotals[] {
    return [...this.routes.values()]
      .flat()
      .map(({ apiId, stage, routeKey, group }) => ({ apiId, stage, routeKey, ...group.totals() }));
  }
}
