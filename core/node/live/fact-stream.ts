import type { LiveFact, RateSeries, WorkerMessage } from './live-protocol.ts';
import type { LoadClock } from './pacer.ts';

/** Where a load reports what happens to its requests. */
export interface LoadSink {
  /** A send was due at `atMs` (open loop: arrivals and retries). */
  intended(atMs: number): void;
  /** A request went onto a connection at `atMs`. */
  written(atMs: number): void;
  /** Every connection was busy at `atMs`. */
  saturated(atMs: number): void;
  /** A response finished at `doneMs`. */
  answered(fact: LiveFact, doneMs: number): void;
  /** Request `seq` got no answer (`reason` is kept for the first one). */
  unanswered(seq: number, reason: string): void;
}

function bump(counts: number[], second: number): void {
  while (counts.length <= second) counts.push(0);
  counts[second]!++;
}

/**
 * The worker's side of the stream: batches answered requests into one message every `batchMs` (or every
 * `maxBatch` facts), and announces each finished second right before the first fact that finished after it, so
 * the main thread closes a second's latency with exactly the responses that finished in it.
 */
export class FactStream implements LoadSink {
  private facts: LiveFact[] = [];
  private skipped: number[] = [];
  private nextSecond = 0;
  private timer: unknown = null;
  private readonly intendedCounts: number[] = [];
  private readonly achievedCounts: number[] = [];
  private readonly saturatedSeconds: boolean[] = [];
  private lastDoneMs = 0;
  private missing = 0;
  private firstReason: string | null = null;

  constructor(
    private readonly post: (message: WorkerMessage) => void,
    private readonly clock: LoadClock,
    private readonly openLoop: boolean,
    private readonly batchMs = 50,
    private readonly maxBatch = 1000,
  ) {}

  start(): void {
    const tick = (): void => {
      this.advanceTo(this.clock.now());
      this.flush();
      this.timer = this.clock.setTimer(tick, this.batchMs);
    };
    this.timer = this.clock.setTimer(tick, this.batchMs);
  }

  intended(atMs: number): void {
    bump(this.intendedCounts, Math.max(0, Math.floor(atMs / 1000)));
  }

  written(atMs: number): void {
    bump(this.achievedCounts, Math.max(0, Math.floor(atMs / 1000)));
  }

  saturated(atMs: number): void {
    const second = Math.max(0, Math.floor(atMs / 1000));
    while (this.saturatedSeconds.length <= second) this.saturatedSeconds.push(false);
    this.saturatedSeconds[second] = true;
  }

  answered(fact: LiveFact, doneMs: number): void {
    this.advanceTo(doneMs);
    if (doneMs > this.lastDoneMs) this.lastDoneMs = doneMs;
    this.facts.push(fact);
    if (this.facts.length >= this.maxBatch) this.flush();
  }

  unanswered(seq: number, reason: string): void {
    this.missing++;
    this.firstReason ??= reason;
    this.skipped.push(seq);
  }

  /** Ends the stream: the remaining facts, the seconds up to the end, and how the load ended. */
  finish(plannedMs: number, stopped: boolean): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    const endMs = stopped ? Math.max(this.lastDoneMs, this.clock.now()) : Math.max(this.lastDoneMs, plannedMs);
    this.flush();
    while (this.nextSecond * 1000 < endMs) this.post({ type: 'second', second: this.nextSecond++ });
    this.post({
      type: 'done',
      endMs,
      rates: this.rates(),
      unanswered: this.missing,
      firstError: this.firstReason,
      stopped,
    });
  }

  private rates(): RateSeries {
    const seconds = Math.max(this.nextSecond, this.achievedCounts.length, this.intendedCounts.length);
    const pad = (counts: number[]): number[] => [...counts, ...new Array<number>(seconds - counts.length).fill(0)];
    const saturated = Array.from({ length: seconds }, (_, i) => this.saturatedSeconds[i] ?? false);
    return { intended: this.openLoop ? pad(this.intendedCounts) : null, achieved: pad(this.achievedCounts), saturated };
  }

  private advanceTo(nowMs: number): void {
    while ((this.nextSecond + 1) * 1000 <= nowMs) {
      this.flush();
      this.post({ type: 'second', second: this.nextSecond++ });
    }
  }

  private flush(): void {
    if (this.facts.length === 0 && this.skipped.length === 0) return;
    this.post({ type: 'facts', facts: this.facts, skipped: this.skipped });
    this.facts = [];
    this.skipped = [];
  }
}
