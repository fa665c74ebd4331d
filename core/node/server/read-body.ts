import type { IncomingMessage } from 'node:http';

/** What a body read ends in: the text (undefined when empty), or `null` when it went over the limit. */
export type BodyCallback = (body: string | undefined | null) => void;

/** True when the request declares no body, so the hot path can skip reading it altogether. */
export function hasNoBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return (length === undefined || length === '0') && incoming.headers['transfer-encoding'] === undefined;
}

/** True when the declared content-length is over the limit: refused before a byte is read. */
export function declaredTooLong(incoming: IncomingMessage, limit: number): boolean {
  const length = incoming.headers['content-length'];
  return length !== undefined && Number(length) > limit;
}

/**
 * Reads a request body as UTF-8 text. Once it passes `limit` bytes it reports `null` at once and keeps
 * draining the rest without storing it, so the client still reads the 413 on a reusable connection and
 * the server never holds more than `limit` bytes. A client that aborts mid-body gets no callback.
 */
export function readBody(incoming: IncomingMessage, limit: number, done: BodyCallback): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  incoming.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      done(null);
      return;
    }
    chunks.push(chunk);
  });
  incoming.on('end', () => {
    if (over) return;
    if (size === 0) done(undefined);
    else done(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
  });
  incoming.on('error', () => {
    over = true;
  });
}
