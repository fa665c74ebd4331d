import { describe, expect, it, vi } from 'vitest';
import { LAB_METHODS, type LabApi, type LabEvent } from '../../../core/contract/lab-api.ts';

const exposed: Array<[string, unknown]> = [];
const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
const invoke = vi.fn(async (channel: string, ...args: unknown[]) =>
  channel === 'lab:getReport'
    ? { ok: false, error: { code: 'GATELAB_E_NOT_FOUND', message: 'no run' } }
    : { ok: true, result: { channel, args } },
);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) =>
      listeners.get(channel)?.delete(fn),
  },
}));

await import('../../../electron/preload/index.ts');

describe('Electron preload', () => {
  it('exposes exactly the LabApi as window.gatelab, functions only', () => {
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe('gatelab');
    const keys = Object.keys(api as object).sort();
    expect(keys).toEqual([...Object.keys(LAB_METHODS), 'onEvent'].sort());
    for (const value of Object.values(api as object)) expect(typeof value).toBe('function');
  });

  it('sends each method on its own channel and unwraps the reply', async () => {
    const api = exposed[0]![1] as LabApi;
    expect(await api.setPlaybackSpeed('run-1', 10)).toEqual({ channel: 'lab:setPlaybackSpeed', args: ['run-1', 10] });
    expect(invoke).toHaveBeenLastCalledWith('lab:setPlaybackSpeed', 'run-1', 10);
    await expect(api.getReport('x')).rejects.toEqual({
      name: 'LabError',
      code: 'GATELAB_E_NOT_FOUND',
      message: 'no run',
    });
  });

  it('delivers lab events without the IPC event object, until unsubscribed', () => {
    const api = exposed[0]![1] as LabApi;
    const got: LabEvent[] = [];
    const stop = api.onEvent((event) => got.push(event));
    const event = { type: 'run-ended', runId: 'r' } as unknown as LabEvent;
    for (const fn of listeners.get('lab:event') ?? []) fn({ sender: 'ipc internals' }, event);
    expect(got).toEqual([event]);
    stop();
    expect(listeners.get('lab:event')?.size).toBe(0);
  });
});
