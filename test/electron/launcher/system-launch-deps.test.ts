import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemLaunchDeps } from '../../../electron/launcher/system-launch-deps.ts';
import { tempDir } from '../../core/node/lab/helpers.ts';

const ui = async () => 0;

describe('npm start: the real machine checks', () => {
  it('finds the Electron binary only when its install completed', () => {
    const root = tempDir('gatelab-root-');
    const deps = systemLaunchDeps(root, ui);
    expect(deps.electronBinary()).toBeNull();
    const electronDir = join(root, 'node_modules', 'electron');
    mkdirSync(join(electronDir, 'dist'), { recursive: true });
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(deps.electronBinary()).toBeNull();
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    expect(deps.electronBinary()).toBe(join(electronDir, 'dist', 'electron'));
  });

  it.runIf(process.platform !== 'win32')('reports an Electron that dies at startup with its error line', async () => {
    const root = tempDir('gatelab-root-');
    const binary = join(root, 'fake-electron');
    writeFileSync(
      binary,
      '#!/bin/sh\necho "starting" >&2\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    chmodSync(binary, 0o755);
    const result = await systemLaunchDeps(root, ui).runElectron(binary);
    expect(result).toEqual({ code: 127, startupFailure: 'error while loading shared libraries: libnss3.so' });
  });

  it.runIf(process.platform !== 'win32')('reports a failed download with its error line', async () => {
    const root = tempDir('gatelab-root-');
    const electronDir = join(root, 'node_modules', 'electron');
    mkdirSync(electronDir, { recursive: true });
    writeFileSync(
      join(electronDir, 'install.js'),
      'console.error("RequestError: getaddrinfo ENOTFOUND github.com"); process.exit(1);',
    );
    expect(await systemLaunchDeps(root, ui).installElectron()).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
  });
});
