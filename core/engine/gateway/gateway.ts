import type { GatewayConfig } from '../config/schema.ts';
import { randomRequestId, randomStream, type RandomSource } from '../random/random-source.ts';
import { buildRuntime } from './build-runtime.ts';
import { ERRORS, integrationError, type ErrorShape } from './error-responses.ts';
import { GatewayState } from './gateway-state.ts';
import { addDebugHeaders, done, errorResponse, NOWHERE, outcomeOf, withRequestId, type Place } from './respond.ts';
import type { GatewayRuntime, RouteRuntime, StageRuntime } from './runtime.ts';
import { cacheKeyFor, wantsInvalidation, WARNING_UNAUTHORIZED } from './cache-step.ts';
import { buildTicket } from './integration-step.ts';
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
  private readonly ids: RandomSource;
  private readonly debugHeaders: boolean;
  private readonly keepMetrics: boolean;
  private current: GatewayConfig;

  constructor(config: GatewayConfig, options: GatewayOptions = {}) {
    const seed = options.seed ?? 1;
    const startTime = options.startTime ?? 0;
    this.random = options.random ?? randomStream(seed, 'engine');
    this.ids = options.requestIds ?? randomStream(seed, 'requestIds');
    this.debugHeaders = options.debugHeaders ?? true;
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
    const requestId = randomRequestId(this.ids);
    const runtime = this.runtime;
    const api = request.apiId === undefined ? runtime.firstApi : runtime.apis.get(request.apiId);
    if (!api) return this.fail(ERRORS.forbidden, NOWHERE, requestId, null, nowMs, null);
    const rest = api.protocol === 'REST';

    const path = request.path;
    const slash = path.indexOf('/', 1);
    const first = slash === -1 ? path.slice(1) : path.slice(1, slash);
    let stage = first === '$default' ? undefined : api.stages.get(first);
    let from = slash === -1 ? path.length : slash;
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
    const match = view.matcher.match(request.method, path, from);
    if (match === null) {
      const place: Place = { apiId: api.id, stage: stage.name, routeKey: null, canary: view.canary };
      return this.fail(rest ? ERRORS.missingAuthToken : ERRORS.notFound, place, requestId, null, nowMs, stage.metrics);
    }
    const route = match.route;
    const place: Place = { apiId: api.id, stage: stage.name, routeKey: route.key, canary: view.canary };

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

    return this.afterThrottle(request, requestId, stage, view, route, match.params, place, nowMs);
  }

  private afterThrottle(
    request: GatewayRequest,
    requestId: string,
    stage: StageRuntime,
    view: StageRuntime['main'],
    route: RouteRuntime,
    params: Record<string, string> | null,
    place: Place,
    nowMs: number,
  ): Decision {
    const cache = stage.cache;
    const cached = cache !== null && (request.method === 'GET' ? route.cacheGet : route.cacheOther);
    let cacheKey: string | null = null;
    let warning = false;
    if (cached) {
      cacheKey = cacheKeyFor(route, request, params);
      let lookup = true;
      if (wantsInvalidation(request.headers)) {
        const authorized =
          !stage.requireAuthorizationForCacheControl || request.headers['x-gatelab-invalidate'] === 'allow';
        if (authorized) lookup = false;
        else if (stage.unauthorizedStrategy === 'FAIL_WITH_403') {
          return this.fail(ERRORS.unauthorizedCacheControl, place, requestId, null, nowMs, stage.metrics, route);
        } else warning = stage.unauthorizedStrategy === 'SUCCEED_WITH_RESPONSE_HEADER';
      }
      const hit = lookup ? cache.get(cacheKey, nowMs) : undefined;
      if (hit !== undefined) {
        const headers = withRequestId(hit.headers, requestId);
        if (warning) headers['Warning'] = WARNING_UNAUTHORIZED;
        if (this.debugHeaders) addDebugHeaders(headers, 'HIT', null);
        const outcome = outcomeOf(place, requestId, hit.status, null, 'HIT', null, 0);
        this.record(outcome, nowMs, stage.metrics, route.metrics);
        return done({ status: hit.status, headers, body: hit.body }, outcome);
      }
    }
    const cacheStore =
      cached && cacheKey !== null
        ? { store: storeIn(cache, cacheKey, route.cacheTtlMs), ttlMs: route.cacheTtlMs }
        : null;
    return buildTicket({
      request,
      requestId,
      stage,
      view,
      route,
      params,
      nowMs,
      random: this.random,
      epochMs: this.state.epochMs,
      pending: {
        cacheStore,
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
    const place: Place = { apiId: ticket.apiId, stage: ticket.stage, routeKey: ticket.routeKey, canary: ticket.canary };
    let response: GatewayResponse;
    let gatewayError: IntegrationErrorKind | null = null;
    if ('failure' in result) {
      const kind =
        result.failure === 'timeout' ? 'timeout' : result.failure === 'badGateway' ? 'badGateway' : 'internal';
      const shape = integrationError(ticket.protocol, kind);
      gatewayError = shape.kind as IntegrationErrorKind;
      response = errorResponse(shape, ticket.requestId);
    } else {
      pending.cacheStore?.store(result, nowMs);
      response = { status: result.status, headers: withRequestId(result.headers, ticket.requestId), body: result.body };
      if (pending.warning) response.headers['Warning'] = WARNING_UNAUTHORIZED;
    }
    if (this.debugHeaders) addDebugHeaders(response.headers, pending.cacheStatus, null);
    const elapsed = nowMs - ticket.receivedAt;
    const outcome = outcomeOf(
      place,
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
    const response = errorResponse(shape, requestId);
    if (this.debugHeaders) addDebugHeaders(response.headers, null, throttledBy);
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

function storeIn(cache: NonNullable<StageRuntime['cache']>, key: string, ttlMs: number) {
  return (response: GatewayResponse, nowMs: number): boolean =>
    cache.set(key, { status: response.status, headers: response.headers, body: response.body }, ttlMs, nowMs);
}
