import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes a file atomically: the text goes to a temporary file beside it, is flushed to disk, and is then
 * renamed over the target, so a crash leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A streamed file that appears at its path only once `commit` succeeds; `abort` leaves nothing behind. */
export interface AtomicStream {
  write(text: string): void;
  /** Resolves once the stream has room again, so a fast producer can't buffer without bound. */
  drained(): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens a file to stream into (NDJSON of millions of lines), published atomically on commit. */
export async function openAtomicStream(path: string): Promise<AtomicStream> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const stream: WriteStream = createWriteStream(temp, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  const close = () => new Promise<void>((resolve) => stream.end(resolve));
  return {
    write(text) {
      stream.write(text);
    },
    drained() {
      if (!stream.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => stream.once('drain', () => resolve()));
    },
    async commit() {
      await close();
      if (failure) throw failure;
      const handle = await open(temp, 'r+');
      await handle.sync();
      await handle.close();
      await rename(temp, path);
    },
    async abort() {
      await close();
      await rm(temp, { force: true });
    },
  };
}
