/**
 * The token-bucket guarantee the property tests check: in any window [t, t + d], the admitted requests
 * never exceed burst + rate·d (d in seconds). Checking every window that starts and ends on an admitted
 * request is enough, since those are the tightest. Returns the first violation, or null.
 */
export function windowViolation(
  admittedTimes: readonly number[],
  rate: number,
  burst: number,
): { from: number; to: number; count: number; bound: number } | null {
  for (let i = 0; i < admittedTimes.length; i++) {
    for (let j = i; j < admittedTimes.length; j++) {
      const from = admittedTimes[i]!;
      const to = admittedTimes[j]!;
      const count = j - i + 1;
      const bound = burst + (rate * (to - from)) / 1000 + 1e-9;
      if (count > bound) return { from, to, count, bound };
    }
  }
  return null;
}

/** A bucket in the SPEC §9 arithmetic, written independently of the engine. */
export interface ModelBucket {
  rate: number;
  burst: number;
  level: number;
  lastMs: number;
}

export function modelBucket(rate: number, burst: number, nowMs = 0): ModelBucket {
  return { rate, burst, level: burst, lastMs: nowMs };
}

/** `level = min(burst, level + rate·Δms/1000)`. */
export function modelRefill(bucket: ModelBucket, nowMs: number): void {
  bucket.level = Math.min(bucket.burst, bucket.level + (bucket.rate * (nowMs - bucket.lastMs)) / 1000);
  bucket.lastMs = nowMs;
}

/** A request is admitted when `level ≥ 1 − 1e-9`. */
export function modelHasToken(bucket: ModelBucket): boolean {
  return bucket.level >= 1 - 1e-9;
}
