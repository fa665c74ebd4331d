import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, trackWindowState } from '../../../electron/main/window-state.ts';
import { tempDir } from '../../core/node/lab/helpers.ts';
import { FakeBrowserWindow } from '../fake-electron.ts';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('Electron main: window state', () => {
  it('falls back to defaults when the file is missing, corrupt or implausible', async () => {
    const dir = tempDir();
    expect(await loadWindowState(join(dir, 'none.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(await loadWindowState(join(dir, 'bad.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ width: 10, height: 10 }));
    expect(await loadWindowState(join(dir, 'tiny.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('restores the saved bounds, dropping a position on no display', async () => {
    const file = join(tempDir(), 'window-state.json');
    writeFileSync(file, JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }));
    expect(await loadWindowState(file, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    writeFileSync(file, JSON.stringify({ x: 4000, y: 50, width: 1000, height: 700 }));
    expect(await loadWindowState(file, screen)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('saves the bounds atomically when the window closes', async () => {
    const dir = tempDir();
    const file = join(dir, 'window-state.json');
    const window = new FakeBrowserWindow({});
    const tracked = trackWindowState(window as never, file);
    window.maximized = true;
    window.emit('close');
    await tracked.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...window.bounds, maximized: true });
    expect(await loadWindowState(file, screen)).toEqual({ ...window.bounds, maximized: true });
  });
});
