import { TokenBucket, isUnlimited, type Limits } from './token-bucket.ts';

/**
 * Owns every bucket by id (SPEC §9 bucket ids). Rebuilding the gateway from a new config asks the registry
 * again, so a bucket whose id survives keeps its level (clamped to the new burst) and others start full.
 */
export class BucketRegistry {
  private readonly buckets = new Map<string, TokenBucket>();
  private used = new Set<string>();

  /** The bucket for `id` with these limits, or null when the layer is unlimited. */
  acquire(id: string, limits: Limits, nowMs: number): TokenBucket | null {
    if (isUnlimited(limits)) return null;
    this.used.add(id);
    const existing = this.buckets.get(id);
    if (existing) {
      if (existing.rate !== limits.rate || existing.burst !== limits.burst) {
        existing.reconfigure(limits.rate, limits.burst, nowMs);
      }
      return existing;
    }
    const bucket = new TokenBucket(id, limits.rate, limits.burst, nowMs);
    this.buckets.set(id, bucket);
    return bucket;
  }

  /** Starts a rebuild: buckets not acquired again before `endRebuild` are dropped. */
  beginRebuild(): void {
    this.used = new Set();
  }

  endRebuild(): void {
    for (const id of this.buckets.keys()) if (!this.used.has(id)) this.buckets.delete(id);
  }

  get(id: string): TokenBucket | undefined {
    return this.buckets.get(id);
  }

  all(): IterableIterator<TokenBucket> {
    return this.buckets.values();
  }

  clear(): void {
    this.buckets.clear();
  }
}
