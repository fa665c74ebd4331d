/** Time and timers for the load generator, injected so tests drive them by hand. */
export interface LoadClock {
  /** ms since the run's start. */
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

/** A system `LoadClock`: `performance` time relative to a start in epoch ms. */
export function systemLoadClock(startEpochMs: number): LoadClock {
  const offset = performance.timeOrigin - startEpochMs;
  return {
    now: () => offset + performance.now(),
    setTimer: (callback, delayMs) => setTimeout(callback, Math.max(0, delayMs)),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/**
 * Fires planned arrivals at their times. `next()` gives the following arrival (ms since the start, -1 at the end)
 * and `fire(intendedMs)` is called for each in order — before `next()` moves on, so a trace cursor's current
 * request still belongs to the arrival being fired. A late wake fires everything due at once with its intended
 * time, so lateness shows up as latency instead of silently lowering the rate. Each wake fires at most
 * `maxPerWake` arrivals before yielding, so responses keep being read while a backlog drains.
 */
export class Pacer {
  private nextAt = -1;
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly next: () => number,
    private readonly clock: LoadClock,
    private readonly fire: (intendedMs: number) => void,
    private readonly onEnd: () => void,
    private readonly maxPerWake = 500,
  ) {}

  start(): void {
    this.nextAt = this.next();
    this.wake();
  }

  /** Stops firing; `onEnd` is not called. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return !this.stopped;
  }

  private readonly wake = (): void => {
    this.timer = null;
    if (this.stopped) return;
    const now = this.clock.now();
    let fired = 0;
    while (this.nextAt >= 0 && this.nextAt <= now && fired < this.maxPerWake) {
      this.fire(this.nextAt);
      this.nextAt = this.next();
      fired++;
      if (this.stopped) return;
    }
    if (this.nextAt < 0) {
      this.stopped = true;
      this.onEnd();
      return;
    }
    this.timer = this.clock.setTimer(this.wake, fired >= this.maxPerWake ? 0 : this.nextAt - now);
  };
}
