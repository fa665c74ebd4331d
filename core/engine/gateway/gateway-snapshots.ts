import type { QuotaCounter } from '../quota/quota-counter.ts';
import type { BucketRegistry } from '../throttle/bucket-registry.ts';

/** A bucket's state at one instant; the id follows SPEC §9. */
export interface BucketLevel {
  id: string;
  rate: number;
  burst: number;
  level: number;
}

export interface QuotaUsage {
  id: string;
  planId: string;
  keyId: string;
  limit: number;
  period: 'DAY' | 'WEEK' | 'MONTH';
  used: number;
  remaining: number;
  /** ms since epoch when the current period ends. */
  resetsAt: number;
}

export function snapshotBuckets(buckets: BucketRegistry, nowMs: number): BucketLevel[] {
  const out: BucketLevel[] = [];
  for (const bucket of buckets.all())
    out.push({ id: bucket.id, rate: bucket.rate, burst: bucket.burst, level: bucket.levelAt(nowMs) });
  return out;
}

export function snapshotQuotas(quotas: Map<string, QuotaCounter>, nowMs: number): QuotaUsage[] {
  const out: QuotaUsage[] = [];
  for (const quota of quotas.values()) {
    const [, planId = '', keyId = ''] = quota.id.split(':');
    out.push({
      id: quota.id,
      planId,
      keyId,
      limit: quota.limitAt(nowMs),
      period: quota.limits.period,
      used: quota.used,
      remaining: quota.remaining(nowMs),
      resetsAt: quota.resetsAt(nowMs),
    });
  }
  return out;
}
