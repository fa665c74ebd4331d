import type { IntegrationConfig } from '../config/schema.ts';
import type { MetricDimension } from '../metrics/gateway-metrics.ts';
import type { GatewayErrorKind } from './error-responses.ts';
import type { CachePartition } from '../cache/stage-cache.ts';
import type { Place } from './respond.ts';

/** A request as the gateway sees it. Header names are lower-case. */
export interface GatewayRequest {
  method: string;
  /** The wire path without the query string, stage included for REST: `/prod/pets/1`. */
  path: string;
  /** Query parameters, first value per name. */
  query?: Readonly<Record<string, string>> | undefined;
  headers: Readonly<Record<string, string>>;
  body?: string | undefined;
  /** Picks the API (the serve port maps `Host: {apiId}.execute-api.localhost` here); the first API otherwise. */
  apiId?: string | undefined;
}

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The layer that refused a request with 429. */
export type ThrottleLayer = 'usagePlan' | 'stage' | 'account' | 'quota';
export type CacheStatus = 'HIT' | 'MISS';

/** What happened to one request: the facts a report, a metric or a debug header needs. */
export interface RequestOutcome {
  requestId: string;
  apiId: string | null;
  stage: string | null;
  /** `METHOD /path` of the matched route (`$default` for an HTTP catch-all), or null. */
  routeKey: string | null;
  canary: boolean;
  status: number;
  /** Set when the gateway itself made the answer (not the integration): forbidden, notFound, throttled… */
  gatewayError: GatewayErrorKind | null;
  throttledBy: ThrottleLayer | null;
  cache: CacheStatus | null;
  integrationCalled: boolean;
  /** Time spent in the integration, 0 when none was called. */
  integrationLatencyMs: number;
  /** Time from receipt to response inside the gateway. */
  latencyMs: number;
}

/** A finished request: the response to send and what happened. */
export interface Completed {
  kind: 'done';
  response: GatewayResponse;
  outcome: RequestOutcome;
}

/**
 * A request that passed every gateway check and needs its integration. The host runs it (or, in virtual
 * mode, waits `modeled.latencyMs` on the simulated clock) and hands the result to `Gateway.complete`.
 */
export interface IntegrationTicket {
  kind: 'integrate';
  readonly requestId: string;
  readonly receivedAt: number;
  readonly request: GatewayRequest;
  readonly protocol: 'REST' | 'HTTP';
  readonly apiId: string;
  readonly stage: string;
  readonly routeKey: string;
  /** The route template's path (`/pets/{id}`), for building a Lambda proxy event. */
  readonly resourcePath: string;
  readonly canary: boolean;
  readonly integration: IntegrationConfig;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** The request path inside the stage (`/pets/1`). */
  readonly stagePath: string;
  /** HTTP_PROXY: the uri with stage variables and path parameters substituted. */
  readonly uri: string | null;
  /** The integration's modelled answer: MOCK's real response, or the latency/error model of the others. */
  readonly modeled: GatewayResponse & { latencyMs: number };
  /** True when the modelled latency reached the integration's timeout: virtual mode answers with the timeout. */
  readonly modeledTimeout: boolean;
  readonly callCount: number;
  /** @internal carried to `complete` */
  readonly pending: PendingCompletion;
}

/** @internal What `complete` needs to finish the request. */
export interface PendingCompletion {
  readonly place: Place;
  /** Where a MISS is stored once the integration answers; null when caching is off. */
  readonly cachePartition: CachePartition | null;
  readonly cacheKey: string | null;
  readonly cacheTtlMs: number;
  readonly cacheStatus: CacheStatus | null;
  readonly warning: boolean;
  readonly stageMetrics: MetricDimension;
  readonly routeMetrics: MetricDimension;
}

export type Decision = Completed | IntegrationTicket;
