import type { CachePartition, CacheSlot, CachedResponse } from '../cache/stage-cache.ts';
import type { RouteMatch } from '../routing/route-matcher.ts';
import { cacheKeyFor } from './cache-step.ts';
import type { RouteRuntime } from './runtime.ts';
import type { GatewayRequest } from './types.ts';

/**
 * What a view worked out once for a method and path, kept in its memo for the next request on that path: the
 * route and parameters and, when the route's cache key comes from path parameters alone, that key and the cache
 * slot last found for it. A repeated path (a Zipf id, a health check) then skips the tree walk, the key's
 * assembly and the partition's lookup, each of which reads objects of its own: the simulator spends more of
 * its time waiting on memory than computing.
 */
export interface PathPlan {
  /** null: no route matches. */
  readonly route: RouteRuntime | null;
  readonly params: Readonly<Record<string, string>> | null;
  readonly keyFromPath: boolean;
  /** The cache key when `keyFromPath`; others read the query or headers, so each request builds its own. */
  readonly cacheKey: string | null;
  slot: CacheSlot | null;
}

const NO_ROUTE: PathPlan = { route: null, params: null, keyFromPath: false, cacheKey: null, slot: null };

/** The plan of a match, `request` being the first request on its path. */
export function planOf(match: RouteMatch<RouteRuntime> | null, request: GatewayRequest): PathPlan {
  if (match === null) return NO_ROUTE;
  const { route, params } = match;
  const keyFromPath = route.cacheKeyParts.every((part) => part.source === 'path');
  const cacheKey = keyFromPath ? cacheKeyFor(route, request, params) : null;
  return { route, params, keyFromPath, cacheKey, slot: null };
}

/** Looks `key` up in `partition`, through the plan's slot while that still holds the key's entry. */
export function plannedLookup(
  plan: PathPlan,
  partition: CachePartition,
  key: string | null,
  nowMs: number,
): CachedResponse | undefined {
  if (!plan.keyFromPath) return partition.get(key, nowMs);
  let slot = plan.slot;
  if (slot === null || !slot.live || slot.partition !== partition) plan.slot = slot = partition.slotOf(key) ?? null;
  return slot === null ? undefined : partition.read(slot, nowMs);
}
