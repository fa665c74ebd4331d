import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StartRunRequest } from '../../../../core/contract/lab-api.ts';
import type { LabHost } from '../../../../core/node/lab/lab-host.ts';
import { config, scenario, shopConfig } from '../../engine/sim/sim-helpers.ts';
import { EXAMPLES_DIR, isEnd, recordEvents, tempDir } from './helpers.ts';

const fsControl = vi.hoisted(() => ({ failRename: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      // Stands in for a crash after the new file is written and before the rename publishes it.
      if (fsControl.failRename) throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

const { createLabHost } = await import('../../../../core/node/lab/lab-host.ts');

const request: StartRunRequest = {
  config: config(shopConfig({ rate: 20, burst: 20 })),
  scenario: scenario({
    formatVersion: 1,
    name: 'Short',
    target: { apiId: 'shop', stage: 'prod' },
    phases: [{ durationSeconds: 3, rate: 30 }],
    mix: [{ method: 'GET', path: '/items/1' }],
  }),
  mode: 'virtual',
};

const hosts: LabHost[] = [];
afterEach(async () => {
  fsControl.failRename = false;
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

function open(dataDir: string): LabHost {
  const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir, warn: () => undefined });
  hosts.push(host);
  return host;
}

async function finishedRun(host: LabHost, name: string): Promise<string> {
  const log = recordEvents(host);
  const { runId } = await host.startRun({ ...request, name });
  await log.next(isEnd(runId));
  return runId;
}

const savedName = (dataDir: string, runId: string) =>
  (JSON.parse(readFileSync(join(dataDir, 'runs', `${runId}.json`), 'utf8')) as { lab: { name: string } }).lab.name;

describe('lab host: renaming and deleting runs', () => {
  it('renames a saved run on disk, and the new name survives a restart', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    const runId = await finishedRun(host, 'first name');
    const row = await host.renameRun(runId, '  Tuned stage limits  ');
    expect(row).toMatchObject({ runId, name: 'Tuned stage limits', sent: 90 });
    expect(savedName(dataDir, runId)).toBe('Tuned stage limits');
    expect(readdirSync(join(dataDir, 'runs'))).toEqual([`${runId}.json`]);
    const again = open(dataDir);
    expect((await again.listRuns()).map((r) => r.name)).toEqual(['Tuned stage limits']);
  });

  it('keeps the old file and name whole when a rename dies between writing and renaming', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    const runId = await finishedRun(host, 'kept');
    const before = readFileSync(join(dataDir, 'runs', `${runId}.json`), 'utf8');
    fsControl.failRename = true;
    await expect(host.renameRun(runId, 'lost')).rejects.toMatchObject({
      code: 'GATELAB_E_IO',
      message: expect.stringContaining('simulated crash before rename'),
    });
    expect(readFileSync(join(dataDir, 'runs', `${runId}.json`), 'utf8')).toBe(before);
    expect(readdirSync(join(dataDir, 'runs'))).toEqual([`${runId}.json`]);
    expect((await host.listRuns())[0]!.name).toBe('kept');
  });

  it('ignores the temporary file a crash leaves behind when the history is read again', async () => {
    const dataDir = tempDir();
    const runId = await finishedRun(open(dataDir), 'whole');
    writeFileSync(join(dataDir, 'runs', `.${runId}.json.0123456789ab.tmp`), '{"formatVersion":1,"half');
    const warnings: string[] = [];
    const again = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir, warn: (m) => warnings.push(m) });
    hosts.push(again);
    expect((await again.listRuns()).map((r) => [r.runId, r.name])).toEqual([[runId, 'whole']]);
    expect(warnings).toEqual([]);
  });

  it('deletes a saved run and its file; the rest of the history stays', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    const a = await finishedRun(host, 'a');
    const b = await finishedRun(host, 'b');
    await host.deleteRun(a);
    expect(existsSync(join(dataDir, 'runs', `${a}.json`))).toBe(false);
    expect((await host.listRuns()).map((r) => r.runId)).toEqual([b]);
    expect(await host.getReport(a)).toBeNull();
    await expect(host.deleteRun(a)).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
    await expect(host.renameRun(a, 'x')).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
    expect((await open(dataDir).listRuns()).map((r) => r.runId)).toEqual([b]);
  });

  it('renames a running run for when it is saved, but will not delete it', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    const log = recordEvents(host);
    const { runId } = await host.startRun({ ...request, speed: 1 });
    await expect(host.deleteRun(runId)).rejects.toMatchObject({ code: 'GATELAB_E_STATE' });
    expect(await host.renameRun(runId, 'renamed while running')).toMatchObject({ state: 'running' });
    await host.stopRun(runId);
    const end = await log.next(isEnd(runId));
    expect(end.type === 'run-ended' && end.summary.name).toBe('renamed while running');
    expect(savedName(dataDir, runId)).toBe('renamed while running');
  });
});
