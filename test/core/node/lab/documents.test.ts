import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLabHost } from '../../../../core/node/lab/lab-host.ts';
import { EXAMPLES_DIR, example, tempDir } from './helpers.ts';

describe('lab host: documents through dialogs', () => {
  it('saves to and opens from the paths the dialogs choose', async () => {
    const dir = tempDir();
    const target = join(dir, 'mine.gatelab.json');
    const host = createLabHost({
      examplesDir: EXAMPLES_DIR,
      dataDir: dir,
      dialogs: { chooseSavePath: async () => target, chooseOpenPath: async () => target },
    });
    const config = example('petstore.gatelab.json');
    expect(await host.saveDocument('config', config, 'mine.gatelab.json')).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(config);
    const opened = await host.openDocument('config');
    expect(opened).toMatchObject({ kind: 'config', ok: true, source: target });

    writeFileSync(target, '{ "formatVersion": 1, ');
    const broken = await host.openDocument('config');
    expect(broken).toMatchObject({ ok: false, errors: [{ pathText: '(root)' }] });
  });

  it('returns null when the user cancels', async () => {
    const host = createLabHost({
      examplesDir: EXAMPLES_DIR,
      dataDir: tempDir(),
      dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
    });
    expect(await host.saveDocument('scenario', {}, 'x.scenario.json')).toBeNull();
    expect(await host.openDocument('scenario')).toBeNull();
  });

  it('rejects clearly where there are no dialogs (the browser uploads and downloads instead)', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    await expect(host.openDocument('config')).rejects.toMatchObject({
      code: 'GATELAB_E_UNSUPPORTED',
      message: expect.stringMatching(/upload/),
    });
    await expect(host.saveDocument('config', {}, 'a.gatelab.json')).rejects.toMatchObject({
      code: 'GATELAB_E_UNSUPPORTED',
    });
  });
});
