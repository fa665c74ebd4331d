import type { RequestOutcome, ThrottleLayer } from '../gateway/types.ts';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.ts';
import { PerSecondRing, type SecondPoint } from './per-second-ring.ts';

const F_COUNT = 0;
const F_4XX = 1;
const F_5XX = 2;
const F_HIT = 3;
const F_MISS = 4;
const F_THROTTLED = 5;
const F_INTEGRATION = 6;

/** The CloudWatch-named metrics of one dimension (an API stage, or one of its routes), SPEC §5. */
export class MetricDimension {
  count = 0;
  errors4xx = 0;
  errors5xx = 0;
  cacheHits = 0;
  cacheMisses = 0;
  integrationCalls = 0;
  readonly throttles: Record<ThrottleLayer, number> = { usagePlan: 0, stage: 0, account: 0, quota: 0 };
  readonly latency = new LatencyHistogram();
  readonly integrationLatency = new LatencyHistogram();
  readonly perSecond = new PerSecondRing();

  constructor(
    readonly protocol: 'REST' | 'HTTP',
    readonly apiId: string,
    readonly stage: string,
    readonly routeKey: string | null,
  ) {}

  record(outcome: RequestOutcome, nowMs: number): void {
    const { data, base } = this.perSecond.at(nowMs);
    this.count++;
    data[base + F_COUNT]!++;
    const status = outcome.status;
    if (status >= 500) {
      this.errors5xx++;
      data[base + F_5XX]!++;
    } else if (status >= 400) {
      this.errors4xx++;
      data[base + F_4XX]!++;
    }
    if (outcome.cache === 'HIT') {
      this.cacheHits++;
      data[base + F_HIT]!++;
    } else if (outcome.cache === 'MISS') {
      this.cacheMisses++;
      data[base + F_MISS]!++;
    }
    if (outcome.throttledBy !== null) {
      this.throttles[outcome.throttledBy]++;
      data[base + F_THROTTLED]!++;
    }
    if (outcome.integrationCalled) {
      this.integrationCalls++;
      data[base + F_INTEGRATION]!++;
      this.integrationLatency.record(outcome.integrationLatencyMs);
    }
    this.latency.record(outcome.latencyMs);
  }

  snapshot(): DimensionSnapshot {
    const rest = this.protocol === 'REST';
    const base = {
      Count: this.count,
      Latency: this.latency.summary(),
      IntegrationLatency: this.integrationLatency.summary(),
    };
    const errors = rest
      ? { '4XXError': this.errors4xx, '5XXError': this.errors5xx }
      : { '4xx': this.errors4xx, '5xx': this.errors5xx };
    const cache = rest ? { CacheHitCount: this.cacheHits, CacheMissCount: this.cacheMisses } : {};
    return {
      apiId: this.apiId,
      stage: this.stage,
      routeKey: this.routeKey,
      metrics: {
        ...base,
        ...errors,
        ...cache,
        ThrottleCount: { ...this.throttles },
        IntegrationCalls: this.integrationCalls,
      },
      perSecond: this.perSecond.points(),
    };
  }
}

/** A dimension's metrics as JSON (the `/_gatelab/metrics` shape). */
export interface DimensionSnapshot {
  apiId: string;
  stage: string;
  routeKey: string | null;
  metrics: {
    Count: number;
    '4XXError'?: number;
    '5XXError'?: number;
    '4xx'?: number;
    '5xx'?: number;
    CacheHitCount?: number;
    CacheMissCount?: number;
    Latency: LatencySummary;
    IntegrationLatency: LatencySummary;
    ThrottleCount: Record<ThrottleLayer, number>;
    IntegrationCalls: number;
  };
  perSecond: SecondPoint[];
}

/** Every dimension of a gateway, kept by id so they survive a hot config swap. */
export class GatewayMetrics {
  private readonly dimensions = new Map<string, MetricDimension>();

  dimension(protocol: 'REST' | 'HTTP', apiId: string, stage: string, routeKey: string | null): MetricDimension {
    const id = routeKey === null ? `${apiId}/${stage}` : `${apiId}/${stage}/${routeKey}`;
    let dimension = this.dimensions.get(id);
    if (!dimension) this.dimensions.set(id, (dimension = new MetricDimension(protocol, apiId, stage, routeKey)));
    return dimension;
  }

  snapshot(): { stages: DimensionSnapshot[]; routes: DimensionSnapshot[] } {
    const stages: DimensionSnapshot[] = [];
    const routes: DimensionSnapshot[] = [];
    for (const dimension of this.dimensions.values()) {
      (dimension.routeKey === null ? stages : routes).push(dimension.snapshot());
    }
    return { stages, routes };
  }

  clear(): void {
    this.dimensions.clear();
  }
}
