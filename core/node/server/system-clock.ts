import { performance } from 'node:perf_hooks';
import { ManualClock, type Clock } from '../../engine/clock.ts';

/** Which clock drives a live gateway: the wall clock, or one moved only by `POST /_gatelab/clock`. */
export type ClockKind = 'system' | 'manual';

/**
 * The wall clock in epoch ms. `timeOrigin + performance.now()` rather than `Date.now()`: it has sub-ms
 * precision, so the latency the engine measures for a fast integration is not rounded to 0 or 1 ms, and it
 * never steps backwards when the system time is adjusted.
 */
export class SystemClock implements Clock {
  private readonly origin = performance.timeOrigin;

  now(): number {
    return this.origin + performance.now();
  }
}

/** A live clock: the system clock, or a manual clock that starts at the current wall time. */
export function createClock(kind: ClockKind): Clock {
  return kind === 'manual' ? new ManualClock(Date.now()) : new SystemClock();
}
