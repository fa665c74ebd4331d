import { describe, expect, it, vi } from 'vitest';
import { LAB_METHODS } from '../../../core/contract/lab-api.ts';
import { registerLabIpc } from '../../../electron/main/lab-ipc.ts';
import { isTrustedSender } from '../../../electron/main/security.ts';
import type { IpcReply } from '../../../electron/shared/channels.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<IpcReply>;

function setup() {
  const handlers = new Map<string, Handler>();
  const window = { webContents: { id: 1 } };
  const call = vi.fn(async (): Promise<IpcReply> => ({ ok: true, result: 'relayed' }));
  registerLabIpc({ handle: (channel: string, fn: Handler) => void handlers.set(channel, fn) } as never, {
    isTrusted: (event) => isTrustedSender(event, window),
    call,
  });
  const appFrame = { sender: window.webContents, senderFrame: { url: 'app://gatelab/index.html', parent: null } };
  return { handlers, call, appFrame, window };
}

describe('Electron main: IPC', () => {
  it('registers exactly one handler per contract method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      Object.keys(LAB_METHODS)
        .map((m) => `lab:${m}`)
        .sort(),
    );
  });

  it('relays a valid call from the app window', async () => {
    const { handlers, call, appFrame } = setup();
    expect(await handlers.get('lab:loadExample')!(appFrame, 'petstore.gatelab.json')).toEqual({
      ok: true,
      result: 'relayed',
    });
    expect(call).toHaveBeenCalledWith('loadExample', ['petstore.gatelab.json']);
  });

  it('refuses a foreign frame, a subframe or another webContents', async () => {
    const { handlers, call, window } = setup();
    const listRuns = handlers.get('lab:listRuns')!;
    const foreign = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    const subframe = { sender: window.webContents, senderFrame: { url: 'app://gatelab/x.html', parent: {} } };
    const otherContents = { sender: { id: 2 }, senderFrame: { url: 'app://gatelab/index.html', parent: null } };
    for (const event of [foreign, subframe, otherContents]) {
      expect(await listRuns(event)).toMatchObject({ ok: false, error: { code: 'GATELAB_E_FORBIDDEN' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('rejects bad arguments before they reach the lab', async () => {
    const { handlers, call, appFrame } = setup();
    const bad: Array<[string, unknown[]]> = [
      ['lab:loadExample', []],
      ['lab:loadExample', [42]],
      ['lab:stopRun', ['../../etc/passwd']],
      ['lab:setPlaybackSpeed', ['run-1', 3]],
      ['lab:exportRun', ['run-1', 'pdf']],
      ['lab:startRun', [{ config: {}, scenario: {}, mode: 'turbo' }]],
      ['lab:startRun', [{ config: {}, scenario: {}, mode: 'virtual', extra: true }]],
      ['lab:listRuns', ['unexpected']],
    ];
    for (const [channel, args] of bad) {
      const reply = await handlers.get(channel)!(appFrame, ...args);
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'GATELAB_E_BAD_ARGS' } });
    }
    expect(call).not.toHaveBeenCalled();
  });
});
