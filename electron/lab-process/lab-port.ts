import type { LabDialogs } from '../../core/node/lab/documents.ts';
import { dispatchLabCall } from '../../core/node/lab/dispatch.ts';
import type { LabHost } from '../../core/node/lab/lab-host.ts';
import type { DialogRequest, FromLab, ToLab } from '../shared/channels.ts';

/** The slice of a MessagePort the lab uses (Electron's MessagePortMain in the utility process). */
export interface LabPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

/** Native dialogs, shown by main on the lab's behalf: the utility process has no windows. */
export function dialogsOverPort(port: LabPort): { dialogs: LabDialogs; answer(id: number, path: string | null): void } {
  const waiting = new Map<number, (path: string | null) => void>();
  let nextId = 1;
  const ask = (request: DialogRequest) =>
    new Promise<string | null>((resolve) => {
      const dialogId = nextId++;
      waiting.set(dialogId, resolve);
      const message: FromLab = { ...request, dialogId };
      port.postMessage(message);
    });
  return {
    dialogs: {
      chooseSavePath: (kind, suggestedName) => ask({ op: 'save', kind, suggestedName }),
      chooseOpenPath: (kind) => ask({ op: 'open', kind }),
    },
    answer(id, path) {
      waiting.get(id)?.(path);
      waiting.delete(id);
    },
  };
}

/**
 * Serves a lab host over the port from main: each call is checked against the contract again (main already did;
 * this process trusts no one) and answered once, events are forwarded, and `close` saves the runs, then exits.
 */
export function serveLabOnPort(
  port: LabPort,
  lab: LabHost,
  answerDialog: (id: number, path: string | null) => void,
  exit: () => void,
): void {
  const post = (message: FromLab) => port.postMessage(message);
  lab.onEvent((event) => post({ event }));
  port.on('message', ({ data }) => {
    const message = data as ToLab;
    if ('close' in message) {
      void lab.close().finally(exit);
    } else if ('dialogId' in message) {
      answerDialog(message.dialogId, message.path);
    } else if (typeof message.id === 'number') {
      void dispatchLabCall(lab, message.method, message.args).then((reply) => post({ id: message.id, ...reply }));
    }
  });
  port.start();
}
