const LEVEL = 0;
const LAST_MS = 1;

/**
 * A token bucket (SPEC §3, §9): capacity = burst, continuous refill at `rate` tokens/s, starts full,
 * one token per admitted request. `level = min(burst, level + rate·Δms/1000)`.
 */
export class TokenBucket {
  // Level and last refill time live in a typed array: a double stored there is written in place, where a
  // double field can be re-boxed on every store, and two buckets are refilled per request.
  private readonly state = new Float64Array(2);

  constructor(
    readonly id: string,
    public rate: number,
    public burst: number,
    nowMs: number,
  ) {
    this.state[LEVEL] = burst;
    this.state[LAST_MS] = nowMs;
  }

  get level(): number {
    return this.state[LEVEL]!;
  }

  set level(level: number) {
    this.state[LEVEL] = level;
  }

  /** Brings the level up to `nowMs` and returns it. */
  refill(nowMs: number): number {
    const state = this.state;
    const elapsed = nowMs - state[LAST_MS]!;
    if (elapsed > 0) {
      const level = state[LEVEL]! + (this.rate * elapsed) / 1000;
      state[LEVEL] = level < this.burst ? level : this.burst;
      state[LAST_MS] = nowMs;
    }
    return state[LEVEL]!;
  }

  /** The level at `nowMs`, without changing the bucket (for charts and snapshots). */
  levelAt(nowMs: number): number {
    const elapsed = nowMs - this.state[LAST_MS]!;
    if (elapsed <= 0) return this.level;
    return Math.min(this.burst, this.level + (this.rate * elapsed) / 1000);
  }

  /** True when a request may take a token now; a tolerance keeps float drift from refusing an exact refill. */
  hasToken(nowMs: number): boolean {
    return this.refill(nowMs) >= 1 - 1e-9;
  }

  take(): void {
    this.state[LEVEL] = this.state[LEVEL]! - 1;
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
