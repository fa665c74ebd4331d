// The lab's utility process: hosts the lab host and serves it to main over the MessagePort main sends first.
import { createLabHost } from '../../core/node/lab/lab-host.ts';
import type { LabInit } from '../shared/channels.ts';
import { dialogsOverPort, serveLabOnPort, type LabPort } from './lab-port.ts';

process.parentPort.once('message', ({ data, ports }) => {
  const init = data as LabInit;
  const port = ports[0] as LabPort | undefined;
  if (!port) throw new Error('the lab process needs a MessagePort from main');
  const { dialogs, answer } = dialogsOverPort(port);
  const lab = createLabHost({ examplesDir: init.examplesDir, dataDir: init.dataDir, dialogs });
  serveLabOnPort(port, lab, answer, () => process.exit(0));
});
