import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { LAB_METHODS, type LabMethod } from '../../core/contract/lab-api.ts';
import { LAB_ERROR, checkLabCall } from '../../core/contract/lab-api-schemas.ts';
import { labChannel, type IpcReply } from '../shared/channels.ts';

export interface LabIpcDeps {
  isTrusted(event: IpcMainInvokeEvent): boolean;
  /** Relays a checked call to the lab's utility process. */
  call(method: LabMethod, args: unknown[]): Promise<IpcReply>;
}

/**
 * One `ipcMain.handle('lab:<method>')` per `LabApi` method. Each checks the sender, then the arguments against the
 * contract's schemas, and only then relays the call; failures are answered as data with a code.
 */
export function registerLabIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: LabIpcDeps): void {
  for (const method of Object.keys(LAB_METHODS) as LabMethod[]) {
    ipcMain.handle(labChannel(method), async (event, ...args: unknown[]): Promise<IpcReply> => {
      if (!deps.isTrusted(event)) {
        return { ok: false, error: { code: LAB_ERROR.forbidden, message: `${method}: not from the app's window` } };
      }
      const checked = checkLabCall(method, args);
      if (!checked.ok) return checked;
      return deps.call(method, checked.args);
    });
  }
}
