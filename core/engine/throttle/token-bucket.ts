/**
 * A token bucket (SPEC §3, §9): capacity = burst, continuous refill at `rate` tokens/s, starts full,
 * one token per admitted request. `level = min(burst, level + rate·Δms/1000)`.
 */
export class TokenBucket {
  level: number;
  private lastMs: number;

  constructor(
    readonly id: string,
    public rate: number,
    public burst: number,
    nowMs: number,
  ) {
    this.level = burst;
    this.lastMs = nowMs;
  }

  /** Brings the level up to `nowMs` and returns it. */
  refill(nowMs: number): number {
    const elapsed = nowMs - this.lastMs;
    if (elapsed > 0) {
      const level = this.level + (this.rate * elapsed) / 1000;
      this.level = level < this.burst ? level : this.burst;
      this.lastMs = nowMs;
    }
    return this.level;
  }

  /** The level at `nowMs`, without changing the bucket (for charts and snapshots). */
  levelAt(nowMs: number): number {
    const elapsed = nowMs - this.lastMs;
    if (elapsed <= 0) return this.level;
    return Math.min(this.burst, this.level + (this.rate * elapsed) / 1000);
  }

  /** True when a request may take a token now; a tolerance keeps float drift from refusing an exact refill. */
  hasToken(nowMs: number): boolean {
    return this.refill(nowMs) >= 1 - 1e-9;
  }

  take(): void {
    this.level -= 1;
  }

  /** Applies new limits (hot-apply): the level survives, clamped to the new burst. */
  reconfigure(rate: number, burst: number, nowMs: number): void {
    this.refill(nowMs);
    this.rate = rate;
    this.burst = burst;
    if (this.level > burst) this.level = burst;
  }
}

/** Limits as written in a config: -1 at either field means "no limit at this layer". */
export interface Limits {
  rate: number;
  burst: number;
}

export function isUnlimited(limits: Limits): boolean {
  return limits.rate === -1 || limits.burst === -1;
}
