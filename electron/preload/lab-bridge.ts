import type { LabApi, LabEvent, LabMethod } from '../../core/contract/lab-api.ts';
import { LAB_METHODS } from '../../core/contract/lab-api.ts';
import { LAB_EVENT_CHANNEL, labChannel, type IpcReply } from '../shared/channels.ts';

/** The slice of `ipcRenderer` the bridge uses; the page never gets `ipcRenderer` itself. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.gatelab`: the `LabApi` over one IPC channel per method. A failed call rejects with a plain
 * `{ name, code, message }` object, because contextBridge copies only an Error's message and the UI wants the code.
 */
export function createLabBridge(ipc: RendererIpc): LabApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(LAB_METHODS) as LabMethod[]) {
    api[method] = async (...args: unknown[]) => {
      const reply = (await ipc.invoke(labChannel(method), ...args)) as IpcReply;
      if (reply.ok) return reply.result;
      throw { name: 'LabError', code: reply.error.code, message: reply.error.message };
    };
  }
  api.onEvent = (listener: (event: LabEvent) => void) => {
    const relay = (_event: unknown, labEvent: unknown) => listener(labEvent as LabEvent);
    ipc.on(LAB_EVENT_CHANNEL, relay);
    return () => {
      ipc.removeListener(LAB_EVENT_CHANNEL, relay);
    };
  };
  return api as unknown as LabApi;
}
