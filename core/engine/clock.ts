/** The engine's only notion of time: milliseconds since the Unix epoch, injected by the host. */
export interface Clock {
  now(): number;
}

/** A clock that moves only when told to: used by tests, the simulator and `gatelab serve --clock manual`. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    if (ms < this.current) throw new RangeError(`the clock cannot go back from ${this.current} to ${ms}`);
    this.current = ms;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance needs a duration ≥ 0 ms, got ${ms}`);
    this.current += ms;
  }
}
