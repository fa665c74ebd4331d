import { truncateBody, type RequestLine } from '../../engine/sim/request-line.ts';
import type { LiveFact } from './live-protocol.ts';

/** A `--requests-out` record (SPEC §9) of a live response. */
export function requestLine(fact: LiveFact): RequestLine {
  const { body, truncated } = truncateBody(fact.body ?? '');
  const line: RequestLine = {
    seq: fact.seq,
    t: fact.t,
    client: fact.client,
    method: fact.method,
    path: fact.path,
    status: fact.status,
    body,
    cache: fact.cache,
    throttledBy: fact.throttledBy,
    integrationCalled: fact.integrationCalled,
    latencyMs: fact.latencyMs,
    attempt: fact.attempt,
  };
  if (truncated) line.bodyTruncated = true;
  return line;
}

/**
 * Puts live records back in send order (`seq`). Unlike a simulation, a live request can go unanswered (a
 * connection error, the time bound), so a `seq` can be skipped, and `flush` lets out whatever still waits.
 */
export class LineOrder {
  private next = 1;
  private readonly waiting = new Map<number, RequestLine | null>();

  constructor(private readonly emit: (line: RequestLine) => void) {}

  push(line: RequestLine): void {
    this.waiting.set(line.seq, line);
    this.drain();
  }

  skip(seq: number): void {
    this.waiting.set(seq, null);
    this.drain();
  }

  /** Emits every record still waiting, in `seq` order. */
  flush(): void {
    for (const seq of [...this.waiting.keys()].sort((a, b) => a - b)) {
      const line = this.waiting.get(seq);
      if (line) this.emit(line);
    }
    this.waiting.clear();
  }

  private drain(): void {
    for (let held = this.waiting.get(this.next); held !== undefined; held = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      if (held !== null) this.emit(held);
      this.next++;
    }
  }
}
