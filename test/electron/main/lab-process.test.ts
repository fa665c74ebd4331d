import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabEvent } from '../../../core/contract/lab-api.ts';
import { createLabHost } from '../../../core/node/lab/lab-host.ts';
import { dialogsOverPort, serveLabOnPort } from '../../../electron/lab-process/lab-port.ts';
import type { LabInit } from '../../../electron/shared/channels.ts';
import { EXAMPLES_DIR, example, tempDir } from '../../core/node/lab/helpers.ts';
import type { FakePort } from '../fake-electron.ts';

/** The utility process, played in this process: what `fork` starts is `serveLabOnPort` over the port main sends. */
class FakeChild extends EventEmitter {
  killed = false;
  postMessage(init: LabInit, [port]: FakePort[]) {
    const { dialogs, answer } = dialogsOverPort(port as never);
    const lab = createLabHost({ ...init, dialogs });
    serveLabOnPort(port as never, lab, answer, () => this.emit('exit', 0));
  }
  kill() {
    this.killed = true;
    this.emit('exit', 1);
  }
}
let child: FakeChild;

vi.mock('electron', async () => {
  const fake = await import('../fake-electron.ts');
  return {
    MessageChannelMain: function MessageChannelMain() {
      return fake.portPair();
    },
    utilityProcess: { fork: () => (child = new FakeChild()) },
  };
});

const { startLabProcess } = await import('../../../electron/main/lab-process.ts');

const dataDir = tempDir();
const target = `${dataDir}/saved.gatelab.json`;
const start = () =>
  startLabProcess({
    modulePath: 'lab-process.cjs',
    examplesDir: EXAMPLES_DIR,
    dataDir,
    pricesFile: 'prices.json',
    dialogs: { chooseSavePath: async () => target, chooseOpenPath: async () => null },
  });

let lab: ReturnType<typeof start> | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

describe('Electron main ↔ lab utility process', () => {
  it('relays calls and answers checked errors', async () => {
    lab = start();
    const list = await lab.call('listExamples', []);
    expect(list).toMatchObject({
      ok: true,
      result: expect.arrayContaining([expect.objectContaining({ kind: 'config' })]),
    });
    expect(await lab.call('getReport', ['nope'])).toEqual({ ok: true, result: null });
    expect(await lab.call('stopRun', ['nope'])).toMatchObject({ ok: false, error: { code: 'GATELAB_E_NOT_FOUND' } });
  });

  it('shows native dialogs on the lab’s behalf', async () => {
    lab = start();
    const saved = await lab.call('saveDocument', ['config', example('petstore.gatelab.json'), 'saved.gatelab.json']);
    expect(saved).toEqual({ ok: true, result: target });
    expect(await lab.call('openDocument', ['scenario'])).toEqual({ ok: true, result: null });
  });

  it('forwards run events and saves runs on close', async () => {
    lab = start();
    const events: LabEvent[] = [];
    const ended = new Promise<void>((resolve) =>
      lab!.onEvent((event) => {
        events.push(event);
        if (event.type === 'run-ended') resolve();
      }),
    );
    const request = {
      config: example('petstore.gatelab.json'),
      scenario: example('steady.scenario.json'),
      mode: 'virtual',
    };
    expect(await lab.call('startRun', [request])).toMatchObject({ ok: true });
    await ended;
    expect(events.some((e) => e.type === 'run-tick')).toBe(true);
    await lab.close();
    expect(child.killed).toBe(false);
    lab = null;
  });

  it('answers every call once the process has died', async () => {
    lab = start();
    child.emit('exit', 9);
    expect(await lab.call('listRuns', [])).toMatchObject({
      ok: false,
      error: { code: 'GATELAB_E_INTERNAL', message: expect.stringMatching(/exit code 9/) },
    });
  });
});
