import type { RequestOutcome } from '../gateway/types.ts';

/** The report's counters (SPEC §8 `totals`, without latency). */
export interface Counters {
  sent: number;
  ok: number;
  throttled: number;
  throttledBy: { usagePlan: number; stage: number; account: number };
  quotaExceeded: number;
  forbidden: number;
  notFound: number;
  clientErrors: number;
  serverErrors: number;
  cacheHits: number;
  cacheMisses: number;
  integrationCalls: number;
  retries: number;
}

export function emptyCounters(): Counters {
  return {
    sent: 0,
    ok: 0,
    throttled: 0,
    throttledBy: { usagePlan: 0, stage: 0, account: 0 },
    quotaExceeded: 0,
    forbidden: 0,
    notFound: 0,
    clientErrors: 0,
    serverErrors: 0,
    cacheHits: 0,
    cacheMisses: 0,
    integrationCalls: 0,
    retries: 0,
  };
}

/** The facts about one response that the counters need; live runs build it from headers, virtual runs from the outcome. */
export type CountedOutcome = Pick<
  RequestOutcome,
  'status' | 'gatewayError' | 'throttledBy' | 'cache' | 'integrationCalled'
>;

/** Counts one response by the rules of SPEC §9 "Report totals". */
export function countInto(counters: Counters, outcome: CountedOutcome, attempt: number): void {
  counters.sent++;
  const status = outcome.status;
  if (status >= 200 && status < 300) counters.ok++;
  else if (status >= 500) counters.serverErrors++;
  else if (status >= 400) counters.clientErrors++;
  const layer = outcome.throttledBy;
  if (layer === 'quota') counters.quotaExceeded++;
  else if (layer !== null) {
    counters.throttled++;
    counters.throttledBy[layer]++;
  }
  const error = outcome.gatewayError;
  if (error === 'forbidden' || error === 'unauthorizedCacheControl') counters.forbidden++;
  else if (error === 'missingAuthToken' || error === 'notFound') counters.notFound++;
  if (outcome.cache === 'HIT') counters.cacheHits++;
  else if (outcome.cache === 'MISS') counters.cacheMisses++;
  if (outcome.integrationCalled) counters.integrationCalls++;
  if (attempt > 1) counters.retries++;
}

/** Adds `more` into `into`. */
export function addCounters(into: Counters, more: Counters): void {
  into.sent += more.sent;
  into.ok += more.ok;
  into.throttled += more.throttled;
  into.throttledBy.usagePlan += more.throttledBy.usagePlan;
  into.throttledBy.stage += more.throttledBy.stage;
  into.throttledBy.account += more.throttledBy.account;
  into.quotaExceeded += more.quotaExceeded;
  into.forbidden += more.forbidden;
  into.notFound += more.notFound;
  into.clientErrors += more.clientErrors;
  into.serverErrors += more.serverErrors;
  into.cacheHits += more.cacheHits;
  into.cacheMisses += more.cacheMisses;
  into.integrationCalls += more.integrationCalls;
  into.retries += more.retries;
}
