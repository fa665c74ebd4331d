import { periodEnd, periodStart, type QuotaPeriod } from './quota-period.ts';

export interface QuotaLimits {
  limit: number;
  period: QuotaPeriod;
  offset: number;
}

/**
 * One key's quota in one usage plan (`quota:{planId}:{keyId}`), summed across the plan's stages.
 * `offset` is subtracted from the limit of the first period: the one that contains the run's start.
 * Times passed in are engine times; `epochMs` turns them into wall-clock time for the calendar.
 */
export class QuotaCounter {
  used = 0;
  private start: number;
  private end: number;
  /** Start of the period that contains the run's start: the one `offset` applies to. */
  private firstPeriodStart: number;

  /** @param runStart the run's start, wall-clock ms since the Unix epoch. */
  constructor(
    readonly id: string,
    public limits: QuotaLimits,
    private readonly runStart: number,
    nowMs: number,
    private readonly epochMs = 0,
  ) {
    this.firstPeriodStart = periodStart(limits.period, runStart);
    this.start = periodStart(limits.period, epochMs + nowMs);
    this.end = periodEnd(limits.period, this.start);
  }

  private roll(nowMs: number): void {
    const wall = this.epochMs + nowMs;
    if (wall >= this.end || wall < this.start) {
      this.start = periodStart(this.limits.period, wall);
      this.end = periodEnd(this.limits.period, this.start);
      this.used = 0;
    }
  }

  /** The limit of the period that contains `nowMs`. */
  limitAt(nowMs: number): number {
    this.roll(nowMs);
    const first = this.start === this.firstPeriodStart;
    return first ? this.limits.limit - this.limits.offset : this.limits.limit;
  }

  /** Counts one throttle-admitted request; false when the quota is exhausted (then nothing is counted). */
  tryConsume(nowMs: number): boolean {
    // The limit first: rolling into a new period resets `used`, which must be read after that.
    const limit = this.limitAt(nowMs);
    if (this.used >= limit) return false;
    this.used++;
    return true;
  }

  remaining(nowMs: number): number {
    return Math.max(0, this.limitAt(nowMs) - this.used);
  }

  /** Wall-clock ms since the Unix epoch when the current period ends. */
  resetsAt(nowMs: number): number {
    this.roll(nowMs);
    return this.end;
  }

  /** Hot-apply: usage survives; a changed period moves the current period (and the offset's) to the new kind. */
  reconfigure(limits: QuotaLimits, nowMs: number): void {
    const periodChanged = limits.period !== this.limits.period;
    this.limits = limits;
    if (periodChanged) {
      this.firstPeriodStart = periodStart(limits.period, this.runStart);
      this.start = periodStart(limits.period, this.epochMs + nowMs);
      this.end = periodEnd(limits.period, this.start);
    }
  }
}
