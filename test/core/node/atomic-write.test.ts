import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fsControl = vi.hoisted(() => ({ failRename: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      // Stands in for a crash after the data is on disk and before the rename publishes it.
      if (fsControl.failRename) throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

const { openAtomicStream, writeFileAtomic } = await import('../../../core/node/atomic-write.ts');

afterEach(() => {
  fsControl.failRename = false;
});

describe('atomic writes', () => {
  it('replaces a file whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatelab-atomic-'));
    const file = join(folder, 'runs', 'report.json');
    await writeFileAtomic(file, '{"v":1}\n');
    await writeFileAtomic(file, '{"v":2}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}\n');
    expect(readdirSync(join(folder, 'runs'))).toEqual(['report.json']);
  });

  it('keeps the old file intact when the write dies between writing and renaming', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatelab-atomic-'));
    const file = join(folder, 'report.json');
    writeFileSync(file, '{"v":1}\n');
    fsControl.failRename = true;
    await expect(writeFileAtomic(file, '{"v":2, "half": "written"}\n')).rejects.toThrow(
      'simulated crash before rename',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}\n');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('publishes a streamed file only on commit, and leaves nothing on abort', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatelab-atomic-'));
    const file = join(folder, 'requests.ndjson');
    const stream = await openAtomicStream(file);
    stream.write('{"seq":1}\n');
    await stream.drained();
    expect(existsSync(file)).toBe(false);
    await stream.commit();
    expect(readFileSync(file, 'utf8')).toBe('{"seq":1}\n');

    const aborted = await openAtomicStream(join(folder, 'other.ndjson'));
    aborted.write('{"seq":1}\n');
    await aborted.abort();
    expect(readdirSync(folder)).toEqual(['requests.ndjson']);
  });
});
