import type { StageCache } from '../cache/stage-cache.ts';
import { GatewayMetrics } from '../metrics/gateway-metrics.ts';
import type { QuotaCounter } from '../quota/quota-counter.ts';
import { BucketRegistry } from '../throttle/bucket-registry.ts';

/**
 * The gateway's mutable state, kept by id so that a rebuilt runtime (hot-apply, redeploy) finds it again:
 * bucket levels, quota usage, cache entries and `callCount` counters (SPEC §9 "Hot-apply and redeploy").
 */
export class GatewayState {
  readonly buckets = new BucketRegistry();
  readonly quotas = new Map<string, QuotaCounter>();
  readonly caches = new Map<string, { cache: StageCache; deploymentId: string }>();
  readonly callCounters = new Map<string, { n: number }>();
  readonly metrics = new GatewayMetrics();

  /**
   * @param startTime the run's start in engine time: quota offsets apply to the calendar period that contains it.
   * @param epochMs wall-clock ms since the Unix epoch at engine time 0.
   */
  constructor(
    public startTime: number,
    readonly epochMs = 0,
  ) {}

  callCounter(id: string): { n: number } {
    let counter = this.callCounters.get(id);
    if (!counter) this.callCounters.set(id, (counter = { n: 0 }));
    return counter;
  }

  clear(): void {
    this.buckets.clear();
    this.quotas.clear();
    for (const { cache } of this.caches.values()) cache.clear();
    this.caches.clear();
    this.callCounters.clear();
    this.metrics.clear();
  }
}
