import { afterAll, describe, expect, it, vi } from 'vitest';
import { LAB_METHODS } from '../../../core/contract/lab-api.ts';
import type { IpcReply, LabInit } from '../../../electron/shared/channels.ts';
import { tempDir } from '../../core/node/lab/helpers.ts';
import { FakeBrowserWindow, type FakePort } from '../fake-electron.ts';

const state = vi.hoisted(() => {
  let ready: () => void = () => {};
  return {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<IpcReply>>(),
    forked: [] as string[],
    whenReady: new Promise<void>((resolve) => (ready = resolve)),
    ready: () => ready(),
  };
});

vi.mock('electron', async () => {
  const fake = await import('../fake-electron.ts');
  const { EventEmitter } = await import('node:events');
  const { dialogsOverPort, serveLabOnPort } = await import('../../../electron/lab-process/lab-port.ts');
  const { createLabHost } = await import('../../../core/node/lab/lab-host.ts');
  const { EXAMPLES_DIR, tempDir } = await import('../../core/node/lab/helpers.ts');
  class Child extends EventEmitter {
    postMessage(init: LabInit, [port]: FakePort[]) {
      const { dialogs, answer } = dialogsOverPort(port as never);
      serveLabOnPort(port as never, createLabHost({ ...init, dialogs }), answer, () => this.emit('exit', 0));
    }
  }
  return {
    app: {
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      whenReady: () => state.whenReady,
      getAppPath: () => `${EXAMPLES_DIR}/..`,
      getPath: () => tempDir(),
      on: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    ipcMain: { handle: (channel: string, fn: never) => state.handlers.set(channel, fn) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {},
    BrowserWindow: fake.FakeBrowserWindow,
    MessageChannelMain: function MessageChannelMain() {
      return fake.portPair();
    },
    utilityProcess: {
      fork: (modulePath: string) => {
        state.forked.push(modulePath);
        return new Child();
      },
    },
  };
});

vi.stubEnv('GATELAB_DATA_DIR', tempDir());
afterAll(() => vi.unstubAllEnvs());
const { handlers, forked } = state;
const electron = await import('electron');
await import('../../../electron/main/index.ts');

describe('Electron main: the composition root', () => {
  it('registers the app scheme and the sandbox before the app is ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(handlers.size).toBe(0);
  });

  it('once ready: the lab in a utility process, one IPC handler per method, the locked-down window', async () => {
    state.ready();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    expect(forked).toEqual([expect.stringMatching(/lab-process\.cjs$/)]);
    expect([...handlers.keys()].sort()).toEqual(
      Object.keys(LAB_METHODS)
        .map((m) => `lab:${m}`)
        .sort(),
    );
    const window = FakeBrowserWindow.created[0]!;
    expect(window.loadedUrl).toBe('app://gatelab/index.html');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });

    const trusted = { sender: window.webContents, senderFrame: { url: 'app://gatelab/index.html', parent: null } };
    const reply = await handlers.get('lab:listExamples')!(trusted);
    expect(reply).toMatchObject({
      ok: true,
      result: expect.arrayContaining([expect.objectContaining({ kind: 'config' })]),
    });
    const foreign = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handlers.get('lab:listExamples')!(foreign)).toMatchObject({ error: { code: 'GATELAB_E_FORBIDDEN' } });
  });
});
