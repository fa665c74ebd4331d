import type { LoadSink } from '../../../../core/node/live/fact-stream.ts';
import type { SendHandlers, Transport, WireResponse } from '../../../../core/node/live/http-transport.ts';
import type { LiveFact } from '../../../../core/node/live/live-protocol.ts';
import type { LoadClock } from '../../../../core/node/live/pacer.ts';
import type { PlannedRequest } from '../../../../core/engine/scenario/request-generator.ts';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** A load clock moved by hand: timers fire exactly on time (or late, when the test jumps past them). */
export class FakeClock implements LoadClock {
  time = 0;
  /** When each timer callback ran. */
  readonly runs: number[] = [];
  private timers: Timer[] = [];
  private ids = 0;

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, delayMs: number): unknown {
    const timer = { id: ++this.ids, at: this.time + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Runs every timer due by `ms`, each at its own time, then stops the clock at `ms`. */
  runUntil(ms: number): void {
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= ms).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      this.runs.push(this.time);
      due.callback();
    }
    this.time = Math.max(this.time, ms);
  }

  /** Jumps to `ms` first, so every timer due by then fires late, at `ms`. */
  jumpTo(ms: number): void {
    this.time = ms;
    this.runUntil(ms);
  }
}

/** A transport that answers only when the test says so. */
export class FakeTransport implements Transport {
  readonly sent: Array<{ request: PlannedRequest; handlers: SendHandlers; at: number }> = [];

  constructor(private readonly clock: FakeClock) {}

  send(request: PlannedRequest, handlers: SendHandlers): boolean {
    this.sent.push({ request, handlers, at: this.clock.now() });
    handlers.written();
    return true;
  }

  /** Answers every request still waiting with `response`. */
  answerAll(response: WireResponse): void {
    for (const entry of this.sent.splice(0)) entry.handlers.answered(response);
  }

  destroy(): Promise<void> {
    return Promise.resolve();
  }
}

/** A sink that keeps everything. */
export class RecordingSink implements LoadSink {
  readonly intendedAt: number[] = [];
  readonly writtenAt: number[] = [];
  readonly facts: LiveFact[] = [];
  readonly missing: number[] = [];

  intended(atMs: number): void {
    this.intendedAt.push(atMs);
  }
  written(atMs: number): void {
    this.writtenAt.push(atMs);
  }
  saturated(): void {}
  answered(fact: LiveFact): void {
    this.facts.push(fact);
  }
  unanswered(seq: number): void {
    this.missing.push(seq);
  }
}
