import type { GatewayConfig } from '../config/schema.ts';
import { randomStream, RequestIdStream, type RandomSource } from '../random/random-source.ts';
import { buildRuntime } from './build-runtime.ts';
import { ERRORS, integrationError, type ErrorShape } from './error-responses.ts';
import { GatewayState } from './gateway-state.ts';
import { done, errorOf, headersOf, NOWHERE, outcomeOf, type HeaderPolicy, type Place } from './respond.ts';
import type { GatewayRuntime, RouteRuntime, StageRuntime } from './runtime.ts';
import { stageAt } from './stage-lookup.ts';
import type { CachePartition } from '../cache/stage-cache.ts';
import { cacheKeyFor, cachePartitionFor, wantsInvalidation } from './cache-step.ts';
import { buildTicket } from './integration-step.ts';
import { planOf, plannedLookup, type PathPlan } from './path-plan.ts';
import type {
  Completed,
  Decision,
  GatewayRequest,
  GatewayResponse,
  IntegrationTicket,
  ThrottleLayer,
} from './types.ts';
import type { MetricDimension } from '../metrics/gateway-metrics.ts';
import { snapshotBuckets, snapshotQuotas, type BucketLevel, type QuotaUsage } from './gateway-snapshots.ts';

export interface GatewayOptions {
  /** Seeds the engine's random streams (canary picks, latency, errors, request ids) when no sources are given. */
  seed?: number;
  random?: RandomSource;
  requestIds?: RandomSource;
  /** The run's start in engine time: the first quota period, for `offset`, is the one that contains it. */
  startTime?: number;
  /**
   * Wall-clock ms since the Unix epoch at engine time 0 (default 0: engine times are epoch ms). The simulator
   * passes times relative to the scenario's start and sets this, so token arithmetic keeps full float precision
   * while quota periods still follow the calendar.
   */
  epochMs?: number;
  /** `x-gatelab-cache` and `x-gatelab-throttled-by` on responses (SPEC §4). Default true. */
  debugHeaders?: boolean;
  /**
   * Give responses their headers (`x-amzn-RequestId`, the integration's, the debug headers). Default true. The
   * simulator turns them off: nothing reads a simulated response's headers, and building them (with a request
   * id each) was a tenth of its time. Ids are then drawn only for a template's `${context.requestId}`, with
   * the values they always had; `outcome.requestId` is ''.
   */
  responseHeaders?: boolean;
  /**
   * Keep the CloudWatch-style metrics (SPEC §5). Default true. The simulator turns them off: its run recorder
   * counts every response already, and skipping the double bookkeeping is a large share of its speed.
   */
  metrics?: boolean;
}

type IntegrationErrorKind = 'integrationTimeout' | 'integrationFailure';

/** What a host hands back when the integration could not answer. */
export type IntegrationFailure = { failure: 'timeout' | 'badGateway' | 'lambdaThrottled' };

/**
 * The gateway engine: a pure, clock-injected implementation of API Gateway's request pipeline (SPEC §3).
 * `handle(request, now)` decides synchronously; when an integration must run it returns a ticket, and the
 * host calls `complete(ticket, result, now)` once the integration has answered (or, in virtual mode, once
 * the simulated latency has passed). Live and virtual modes drive exactly this code.
 */
export class Gateway {
  private runtime: GatewayRuntime;
  private readonly state: GatewayState;
  private readonly random: RandomSource;
  private readonly ids: RequestIdStream;
  private readonly headerPolicy: HeaderPolicy;
  private readonly keepMetrics: boolean;
  private current: GatewayConfig;

  constructor(config: GatewayConfig, options: GatewayOptions = {}) {
    const seed = options.seed ?? 1;
    const startTime = options.startTime ?? 0;
    this.random = options.random ?? randomStream(seed, 'engine');
    this.ids = new RequestIdStream(options.requestIds ?? randomStream(seed, 'requestIds'));
    const responseHeaders = options.responseHeaders ?? true;
    this.headerPolicy = { responseHeaders, debugHeaders: responseHeaders && (options.debugHeaders ?? true) };
    this.keepMetrics = options.metrics ?? true;
    this.state = new GatewayState(startTime, options.epochMs ?? 0);
    this.current = config;
    this.runtime = buildRuntime(config, this.state, startTime);
  }

  get config(): GatewayConfig {
    return this.current;
  }

  /** Decides a request at `nowMs`: a final response, or a ticket for its integration. */
  handle(request: GatewayRequest, nowMs: number): Decision {
    this.ids.advance();
    const requestId = this.headerPolicy.responseHeaders ? this.ids.current() : '';
    const runtime = this.runtime;
    const api = request.apiId === undefined ? runtime.firstApi : runtime.apis.get(request.apiId);
    if (!api) return this.fail(ERRORS.forbidden, NOWHERE, requestId, null, nowMs, null);
    const rest = api.protocol === 'REST';

    const path = request.path;
    const slash = path.indexOf('/', 1);
    let from = slash === -1 ? path.length : slash;
    let stage = stageAt(api, path, from);
    if (!stage) {
      if (rest || !api.defaultStage) {
        return this.fail(rest ? ERRORS.forbidden : ERRORS.notFound, NOWHERE, requestId, null, nowMs, null);
      }
      stage = api.defaultStage;
      from = 0;
    }

    let view = stage.main;
    if (stage.canary !== null && stage.canaryPercent > 0) {
      if (stage.canaryPercent >= 100 || this.random.next() * 100 < stage.canaryPercent) view = stage.canary;
    }
    let plan = view.plans.get(request.method, path, from);
    if (plan === undefined) {
      plan = planOf(view.matcher.match(request.method, path, from), request);
      view.plans.set(request.method, path, from, plan);
    }
    const route = plan.route;
    if (route === null) {
      const shape = rest ? ERRORS.missingAuthToken : ERRORS.notFound;
      return this.fail(shape, view.place, requestId, null, nowMs, stage.metrics);
    }
    const place = route.place;

    let binding = null;
    if (route.apiKeyRequired) {
      const value = request.headers['x-api-key'];
      const key = value === undefined ? undefined : runtime.keysByValue.get(value);
      binding = key !== undefined && key.enabled ? (key.bindings.get(stage) ?? null) : null;
      if (binding === null) return this.fail(ERRORS.forbidden, place, requestId, null, nowMs, stage.metrics, route);
    }

    const planBucket =
      binding === null
        ? null
        : binding.methodBuckets?.has(route.key)
          ? binding.methodBuckets.get(route.key)!
          : binding.planBucket;
    const stageBucket = route.stageBucket;
    const accountBucket = runtime.accountBucket;
    let throttledBy: ThrottleLayer | null = null;
    if (planBucket !== null && !planBucket.hasToken(nowMs)) throttledBy = 'usagePlan';
    else if (stageBucket !== null && !stageBucket.hasToken(nowMs)) throttledBy = 'stage';
    else if (accountBucket !== null && !accountBucket.hasToken(nowMs)) throttledBy = 'account';
    if (throttledBy !== null) {
      return this.fail(ERRORS.tooManyRequests, place, requestId, throttledBy, nowMs, stage.metrics, route);
    }
    // Layers are all-or-nothing: tokens are taken only once every bucket has one.
    planBucket?.take();
    stageBucket?.take();
    accountBucket?.take();
    if (binding !== null && binding.quota !== null && !binding.quota.tryConsume(nowMs)) {
      return this.fail(ERRORS.limitExceeded, place, requestId, 'quota', nowMs, stage.metrics, route);
    }

    return this.afterThrottle(request, requestId, stage, view, route, plan, nowMs);
  }

  private afterThrottle(
    request: GatewayRequest,
    requestId: string,
    stage: StageRuntime,
    view: StageRuntime['main'],
    route: RouteRuntime,
    plan: PathPlan,
    nowMs: number,
  ): Decision {
    const params = plan.params;
    const cache = stage.cache;
    const cached = cache !== null && (request.method === 'GET' ? route.cacheGet : route.cacheOther);
    let partition: CachePartition | null = null;
    let cacheKey: string | null = null;
    let warning = false;
    if (cached) {
      partition = cachePartitionFor(route, cache, request.method);
      cacheKey = plan.keyFromPath ? plan.cacheKey : cacheKeyFor(route, request, params);
      let lookup = true;
      if (wantsInvalidation(request.headers)) {
        const authorized =
          !stage.requireAuthorizationForCacheControl || request.headers['x-gatelab-invalidate'] === 'allow';
        if (authorized) lookup = false;
        else if (stage.unauthorizedStrategy === 'FAIL_WITH_403') {
          return this.fail(ERRORS.unauthorizedCacheControl, route.place, requestId, null, nowMs, stage.metrics, route);
        } else warning = stage.unauthorizedStrategy === 'SUCCEED_WITH_RESPONSE_HEADER';
      }
      const hit = lookup ? plannedLookup(plan, partition, cacheKey, nowMs) : undefined;
      if (hit !== undefined) {
        const headers = headersOf(this.headerPolicy, hit.headers, requestId, warning, 'HIT');
        const outcome = outcomeOf(route.place, requestId, hit.status, null, 'HIT', null, 0);
        this.record(outcome, nowMs, stage.metrics, route.metrics);
        return done({ status: hit.status, headers, body: hit.body }, outcome);
      }
    }
    return buildTicket({
      request,
      // Without response headers the id is formatted only for a template that shows it.
      requestId: this.headerPolicy.responseHeaders || !route.usesRequestId ? requestId : this.ids.current(),
      stage,
      view,
      route,
      params,
      nowMs,
      random: this.random,
      epochMs: this.state.epochMs,
      pending: {
        place: route.place,
        cachePartition: partition,
        cacheKey,
        cacheTtlMs: route.cacheTtlMs,
        cacheStatus: cached ? 'MISS' : null,
        warning,
        stageMetrics: stage.metrics,
        routeMetrics: route.metrics,
      },
    });
  }

  /** Finishes a request whose integration has answered (or failed) at `nowMs`. */
  complete(ticket: IntegrationTicket, result: GatewayResponse | IntegrationFailure, nowMs: number): Completed {
    const { pending } = ticket;
    let response: GatewayResponse;
    let gatewayError: IntegrationErrorKind | null = null;
    if ('failure' in result) {
      const kind =
        result.failure === 'timeout' ? 'timeout' : result.failure === 'badGateway' ? 'badGateway' : 'internal';
      const shape = integrationError(ticket.protocol, kind);
      gatewayError = shape.kind as IntegrationErrorKind;
      response = errorOf(this.headerPolicy, shape, ticket.requestId, pending.cacheStatus, null);
    } else {
      pending.cachePartition?.set(pending.cacheKey, result, pending.cacheTtlMs, nowMs);
      const headers = headersOf(
        this.headerPolicy,
        result.headers,
        ticket.requestId,
        pending.warning,
        pending.cacheStatus,
      );
      response = { status: result.status, headers, body: result.body };
    }
    const elapsed = nowMs - ticket.receivedAt;
    const outcome = outcomeOf(
      pending.place,
      ticket.requestId,
      response.status,
      null,
      pending.cacheStatus,
      elapsed,
      elapsed,
      gatewayError,
    );
    this.record(outcome, nowMs, pending.stageMetrics, pending.routeMetrics);
    return done(response, outcome);
  }

  private fail(
    shape: ErrorShape,
    place: Place,
    requestId: string,
    throttledBy: ThrottleLayer | null,
    nowMs: number,
    stageMetrics: MetricDimension | null,
    route?: RouteRuntime,
  ): Completed {
    const response = errorOf(this.headerPolicy, shape, requestId, null, throttledBy);
    const outcome = outcomeOf(place, requestId, shape.status, throttledBy, null, null, 0, shape.kind);
    this.record(outcome, nowMs, stageMetrics, route?.metrics ?? null);
    return done(response, outcome);
  }

  private record(
    outcome: Completed['outcome'],
    nowMs: number,
    stageMetrics: MetricDimension | null,
    routeMetrics: MetricDimension | null,
  ): void {
    if (!this.keepMetrics) return;
    stageMetrics?.record(outcome, nowMs);
    routeMetrics?.record(outcome, nowMs);
  }

  /** Hot-applies a validated config: bucket levels (clamped), quota usage, cache entries and counters survive by id. */
  applyConfig(config: GatewayConfig, nowMs: number): void {
    this.runtime = buildRuntime(config, this.state, nowMs);
    this.current = config;
  }

  /** Clears buckets, quotas, caches, counters and metrics (`POST /_gatelab/reset`). */
  reset(nowMs: number): void {
    this.state.clear();
    this.runtime = buildRuntime(this.current, this.state, nowMs);
  }

  /** Flushes one stage's cache; false when that stage has no cache. */
  flushCache(apiId: string, stage: string): boolean {
    const cache = this.runtime.apis.get(apiId)?.stages.get(stage)?.cache;
    if (!cache) return false;
    cache.clear();
    return true;
  }

  /** Every bucket's level at `nowMs`, by bucket id (SPEC §9). */
  bucketLevels(nowMs: number): BucketLevel[] {
    return snapshotBuckets(this.state.buckets, nowMs);
  }

  /** Every quota's usage at `nowMs`. */
  quotaUsage(nowMs: number): QuotaUsage[] {
    return snapshotQuotas(this.state.quotas, nowMs);
  }

  metrics() {
    return this.state.metrics.snapshot();
  }
}
