import type { IntegrationConfig } from '../config/schema.ts';
import type { CachePartition, StageCache } from '../cache/stage-cache.ts';
import type { MetricDimension } from '../metrics/gateway-metrics.ts';
import type { QuotaCounter } from '../quota/quota-counter.ts';
import type { MatchMemo } from '../routing/match-memo.ts';
import type { RouteMatcher } from '../routing/route-matcher.ts';
import type { PathPlan } from './path-plan.ts';
import type { TokenBucket } from '../throttle/token-bucket.ts';
import type { CompiledTemplate } from '../integration/template.ts';
import type { LatencySampler } from '../integration/latency-model.ts';
import type { Place } from './respond.ts';

/** Where a declared cache key parameter takes its value from. */
export interface CacheKeyPart {
  source: 'path' | 'querystring' | 'header';
  name: string;
}

/** A route as one stage serves it, with every setting resolved once at build time. */
export interface RouteRuntime {
  key: string;
  /** Where a request on this route stands, for its outcome. */
  place: Place;
  method: string;
  path: string;
  apiKeyRequired: boolean;
  integration: IntegrationConfig;
  stageBucket: TokenBucket | null;
  /** Caching for GET requests (`*\/*` enables GET only) and for other methods. */
  cacheGet: boolean;
  cacheOther: boolean;
  cacheTtlMs: number;
  cacheKeyPrefix: string;
  cacheKeyParts: CacheKeyPart[];
  /** The stage cache's partition for each method seen, found once. */
  cachePartitions: Map<string, CachePartition>;
  callCounter: { n: number };
  statusCode: number;
  headerTemplates: Array<[string, CompiledTemplate]>;
  bodyTemplate: CompiledTemplate;
  /** Whether a template shows `${context.requestId}`. */
  usesRequestId: boolean;
  uriTemplate: CompiledTemplate | null;
  latency: LatencySampler;
  /** HTTP_PROXY `timeoutInMillis`, LAMBDA `timeoutMs`, both capped by API Gateway's 29 s; Infinity for MOCK. */
  timeoutMs: number;
  errorRate: number;
  errorStatusCode: number;
  metrics: MetricDimension;
}

/** The routes of one deployment (or the working copy) as a stage serves them. */
export interface DeploymentView {
  deploymentId: string | null;
  matcher: RouteMatcher<RouteRuntime>;
  /** The matcher's answers for recent paths, and what follows from them. */
  plans: MatchMemo<PathPlan>;
  variables: Readonly<Record<string, string>>;
  canary: boolean;
  /** Where a request that matches no route stands. */
  place: Place;
}

export interface StageRuntime {
  apiId: string;
  protocol: 'REST' | 'HTTP';
  name: string;
  main: DeploymentView;
  canary: DeploymentView | null;
  canaryPercent: number;
  cache: StageCache | null;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedStrategy: 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';
  metrics: MetricDimension;
}

export interface ApiRuntime {
  id: string;
  protocol: 'REST' | 'HTTP';
  stages: Map<string, StageRuntime>;
  /** The same stages, in config order. */
  stageList: StageRuntime[];
  defaultStage: StageRuntime | null;
}

/** A key's usage plan on one stage: its throttle bucket(s) and quota. */
export interface PlanBinding {
  planId: string;
  planBucket: TokenBucket | null;
  /** Per-method entries by route key; a null value is an entry with no limit. */
  methodBuckets: Map<string, TokenBucket | null> | null;
  quota: QuotaCounter | null;
}

export interface KeyRuntime {
  id: string;
  enabled: boolean;
  bindings: Map<StageRuntime, PlanBinding>;
}

/** Everything `handle` reads, rebuilt from each config. */
export interface GatewayRuntime {
  apis: Map<string, ApiRuntime>;
  firstApi: ApiRuntime | null;
  keysByValue: Map<string, KeyRuntime>;
  accountBucket: TokenBucket | null;
}
