import type { CacheStatus, Completed, ThrottleLayer } from '../gateway/types.ts';
import { utf8Length } from '../cache/stage-cache.ts';
import type { Attempt } from './sim-events.ts';

/** One `--requests-out` NDJSON record (SPEC §9). */
export interface RequestLine {
  seq: number;
  t: number;
  client: string | null;
  method: string;
  path: string;
  status: number;
  body: string;
  bodyTruncated?: true;
  cache: CacheStatus | null;
  throttledBy: ThrottleLayer | null;
  integrationCalled: boolean;
  latencyMs: number;
  attempt: number;
}

export const MAX_LINE_BODY_BYTES = 4096;

/** Cuts a body at 4096 UTF-8 bytes without splitting a character. */
export function truncateBody(body: string): { body: string; truncated: boolean } {
  if (body.length <= MAX_LINE_BODY_BYTES / 4 || utf8Length(body) <= MAX_LINE_BODY_BYTES)
    return { body, truncated: false };
  let bytes = 0;
  let end = 0;
  for (const char of body) {
    const size = utf8Length(char);
    if (bytes + size > MAX_LINE_BODY_BYTES) break;
    bytes += size;
    end += char.length;
  }
  return { body: body.slice(0, end), truncated: true };
}

/** The record of an answered attempt. */
export function requestLine(current: Attempt, result: Completed, latencyMs: number): RequestLine {
  const { body, truncated } = truncateBody(result.response.body);
  const line: RequestLine = {
    seq: current.seq,
    t: current.t,
    client: current.request.client,
    method: current.request.method,
    path: current.request.path,
    status: result.response.status,
    body,
    cache: result.outcome.cache,
    throttledBy: result.outcome.throttledBy,
    integrationCalled: result.outcome.integrationCalled,
    latencyMs,
    attempt: current.attempt,
  };
  if (truncated) line.bodyTruncated = true;
  return line;
}

/**
 * Puts records back in arrival order (`seq`): responses finish out of order, but the NDJSON file lists requests
 * in the order they arrived. Holds only the records waiting on an earlier one still in flight.
 */
export class SeqReorderBuffer<T extends { seq: number }> {
  private next = 1;
  private readonly waiting = new Map<number, T>();

  constructor(private readonly emit: (record: T) => void) {}

  push(record: T): void {
    if (record.seq !== this.next) {
      this.waiting.set(record.seq, record);
      return;
    }
    this.emit(record);
    this.next++;
    for (let held = this.waiting.get(this.next); held !== undefined; held = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.emit(held);
      this.next++;
    }
  }

  get pending(): number {
    return this.waiting.size;
  }
}
