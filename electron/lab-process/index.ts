// The lab's utility process: hosts the lab host and serves it to main over the MessagePort main sends first.
import { createLabHost } from '../../core/node/lab/lab-host.ts';
import type { LabInit } from '../shared/channels.ts';
import { dialogsOverPort, serveLabOnPort, type LabPort } from './lab-port.ts';
import { bundledWorkerFiles } from './worker-files.ts';

process.parentPort.once('message', ({ data, ports }) => {
  const init = data as LabInit;
  const port = ports[0] as LabPort | undefined;
  if (!port) throw new Error('the lab process needs a MessagePort from main');
  const { dialogs, answer } = dialogsOverPort(port);
  // This file runs as the CommonJS bundle `lab-process.cjs`, so `__dirname` is the bundles' folder.
  const workerFiles = bundledWorkerFiles(__dirname);
  const { examplesDir, dataDir, pricesFile } = init;
  const lab = createLabHost({ examplesDir, dataDir, pricesFile, dialogs, workerFiles });
  serveLabOnPort(port, lab, answer, () => process.exit(0));
});
