import { MessageChannelMain, utilityProcess } from 'electron';
import type { LabEvent, LabMethod } from '../../core/contract/lab-api.ts';
import { LAB_ERROR } from '../../core/contract/lab-api-schemas.ts';
import type { LabDialogs } from '../../core/node/lab/documents.ts';
import type { DialogRequest, FromLab, IpcReply, LabInit, ToLab } from '../shared/channels.ts';

export interface LabProcess {
  call(method: LabMethod, args: unknown[]): Promise<IpcReply>;
  onEvent(listener: (event: LabEvent) => void): void;
  close(): Promise<void>;
}

export interface LabProcessOptions extends LabInit {
  /** The bundled `lab-process.cjs`. */
  modulePath: string;
  dialogs: LabDialogs;
}

/** How long the lab process may take to stop its runs and save them before it is killed. */
const CLOSE_TIMEOUT_MS = 8000;

/**
 * Runs the lab host in a utility process (never on main: a virtual run at full speed is CPU-bound) and talks to it
 * over a MessagePort: calls out, replies, events and native-dialog requests back.
 */
export function startLabProcess(options: LabProcessOptions): LabProcess {
  const child = utilityProcess.fork(options.modulePath, [], { serviceName: 'Gatelab lab', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  const init: LabInit = { examplesDir: options.examplesDir, dataDir: options.dataDir, pricesFile: options.pricesFile };
  child.postMessage(init, [port2]);
  const pending = new Map<number, (reply: IpcReply) => void>();
  const listeners = new Set<(event: LabEvent) => void>();
  let nextId = 1;
  let exited: string | null = null;
  const send = (message: ToLab) => port1.postMessage(message);

  port1.on('message', ({ data }: { data: FromLab }) => {
    if ('event' in data) for (const listener of listeners) listener(data.event);
    else if ('op' in data) void answerDialog(options.dialogs, data, send);
    else {
      const { id, ...reply } = data;
      pending.get(id)?.(reply);
      pending.delete(id);
    }
  });
  port1.start();
  child.on('exit', (code) => {
    exited = `the lab process stopped unexpectedly (exit code ${code}); restart Gatelab`;
    for (const resolve of pending.values())
      resolve({ ok: false, error: { code: LAB_ERROR.internal, message: exited } });
    pending.clear();
  });

  return {
    call(method, args) {
      if (exited !== null) return Promise.resolve({ ok: false, error: { code: LAB_ERROR.internal, message: exited } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ id, method, args });
      });
    },
    onEvent: (listener) => void listeners.add(listener),
    async close() {
      if (exited !== null) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Asking first lets the lab stop its runs and save their reports before it goes.
      send({ close: true });
      // Longer than a live run's 2 s grace for requests in flight, plus saving its report.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS));
      await Promise.race([done, timeout]);
      if (exited === null) child.kill();
      port1.close();
    },
  };
}

async function answerDialog(
  dialogs: LabDialogs,
  request: DialogRequest & { dialogId: number },
  send: (message: ToLab) => void,
): Promise<void> {
  let path: string | null = null;
  try {
    path =
      request.op === 'save'
        ? await dialogs.chooseSavePath(request.kind, request.suggestedName)
        : await dialogs.chooseOpenPath(request.kind);
  } catch {
    // A dialog that can't open counts as cancelled; the lab then answers null.
  }
  send({ dialogId: request.dialogId, path });
}
