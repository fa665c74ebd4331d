import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledWorkerFiles, WORKER_FILES } from '../../electron/lab-process/worker-files.ts';
import { tempDir } from '../core/node/lab/helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES_DIR = join(ROOT, 'examples');

interface Built {
  buildElectron(outdir: string): Promise<string[]>;
  ELECTRON_WORKERS: Array<{ entry: string; out: string }>;
}

/**
 * Plays Electron's part for the bundled lab process under plain Node: a `process.parentPort` that hands it a port,
 * calls over that port, and a record of every worker thread started and whether it came up.
 */
const DRIVER = String.raw`
const threads = require('node:worker_threads');
const [bundleDir, examplesDir, dataDir, inputsFile, pricesFile] = process.argv.slice(2);
const inputs = JSON.parse(require('node:fs').readFileSync(inputsFile, 'utf8'));
const workers = [];
const Base = threads.Worker;
threads.Worker = class extends Base {
  constructor(file, options) {
    super(file, options);
    const seen = { file: String(file), online: false, error: null };
    workers.push(seen);
    this.on('online', () => (seen.online = true));
    this.on('error', (error) => (seen.error = error.message));
  }
};
let init;
process.parentPort = { once: (_event, listener) => (init = listener) };
require(bundleDir + '/lab-process.cjs');
const waiting = [];
const seen = [];
let deliver;
const port = {
  on: (_event, listener) => (deliver = listener),
  start() {},
  postMessage(message) {
    seen.push(message);
    for (const w of [...waiting]) {
      if (!w.match(message)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(message);
    }
  },
};
const next = (match) =>
  new Promise((resolve) => {
    const found = seen.find(match);
    if (found) resolve(found);
    else waiting.push({ match, resolve });
  });
let id = 0;
const call = (method, ...args) => {
  const callId = ++id;
  deliver({ data: { id: callId, method, args } });
  return next((m) => m.id === callId);
};
const liveRun = async (scenario) => {
  const started = await call('startRun', { config: inputs.config, scenario, mode: 'live' });
  if (!started.ok) return started;
  const { runId } = started.result;
  await next((m) => m.event && m.event.type === 'run-ended' && m.event.runId === runId);
  return (await call('getReport', runId)).result;
};
init({ data: { examplesDir, dataDir, pricesFile }, ports: [port] });
(async () => {
  const paced = await liveRun(inputs.paced);
  const closed = await liveRun(inputs.closed);
  const whatIf = await call('whatIf', inputs.config, inputs.config, inputs.paced, null);
  process.stdout.write(JSON.stringify({ paced, closed, whatIf: whatIf.ok, workers }));
  process.exit(0);
})();
`;

const config = {
  formatVersion: 1,
  apis: [
    {
      id: 'shop',
      routes: [
        { method: 'GET', path: '/items/{id}', integration: { type: 'MOCK', body: 'item' } },
        { method: 'GET', path: '/hello', integration: { type: 'LAMBDA' } },
      ],
      stages: [{ name: 'prod' }],
    },
  ],
};
const mix = [
  { weight: 1, method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 9 } } } },
  { weight: 1, method: 'GET', path: '/hello' },
];
const scenario = (extra: Record<string, unknown>) => ({
  formatVersion: 1,
  name: 'Bundled',
  target: { apiId: 'shop', stage: 'prod' },
  mix,
  ...extra,
});

let outdir = '';
let built: Built;
let files: string[] = [];
beforeAll(async () => {
  outdir = join(tempDir('gatelab-electron-'), 'dist', 'electron');
  built = (await import(join(ROOT, 'scripts', 'build-electron.mjs'))) as Built;
  files = await built.buildElectron(outdir);
}, 120_000);

describe('the Electron build: worker bundles', () => {
  it('writes each worker as one ESM file with its TypeScript bundled in, and no TypeScript loader', () => {
    expect(built.ELECTRON_WORKERS.map((w) => w.out).sort()).toEqual(Object.values(WORKER_FILES).sort());
    for (const worker of built.ELECTRON_WORKERS) {
      const file = join(outdir, worker.out);
      expect(files).toContain(file);
      expect(existsSync(file), worker.out).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(file.endsWith('.mjs')).toBe(true);
      // A static import statement and import.meta exist only in ES modules.
      expect(/^import .+ from ["'][^"']+["'];?$/m.test(text), worker.out).toBe(true);
      expect(text.includes('import.meta.url'), worker.out).toBe(true);
      expect(/from ["']tsx|require\(["']tsx|tsImport/.test(text), worker.out).toBe(false);
      // Everything is bundled: no import of a file beside it (the .ts sources are not shipped).
      expect(/^import .* from ["']\.{1,2}\//m.test(text), worker.out).toBe(false);
    }
  });

  it('has the lab-process bundle point at the workers next to it', () => {
    const bundle = readFileSync(join(outdir, 'lab-process.cjs'), 'utf8');
    for (const path of Object.values(WORKER_FILES)) expect(bundle).toContain(JSON.stringify(path));
    expect(bundledWorkerFiles(outdir)).toEqual({
      load: join(outdir, 'workers/load-worker.mjs'),
      tuning: join(outdir, 'workers/tuning-worker.mjs'),
      lambda: join(outdir, 'workers/lambda-worker.mjs'),
    });
    expect(bundledWorkerFiles('/app/resources/app.asar/dist/electron').load).toBe(
      '/app/resources/app.asar/dist/electron/workers/load-worker.mjs',
    );
  });

  it(
    'runs live runs (paced and closed loop, with a Lambda) and a what-if on the bundled workers under plain Node',
    { timeout: 60_000 },
    async () => {
      const work = tempDir('gatelab-bundled-lab-');
      const inputs = {
        config,
        paced: scenario({ phases: [{ durationSeconds: 1, rate: 40 }] }),
        closed: scenario({ concurrency: { connections: 2, durationSeconds: 1, maxRequests: 40 } }),
      };
      writeFileSync(join(work, 'inputs.json'), JSON.stringify(inputs));
      writeFileSync(join(work, 'drive-lab.cjs'), DRIVER);
      const prices = join(ROOT, 'data', 'prices-us-east-1.json');
      const args = [
        join(work, 'drive-lab.cjs'),
        outdir,
        EXAMPLES_DIR,
        join(work, 'data'),
        join(work, 'inputs.json'),
        prices,
      ];
      const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: work, timeout: 50_000 });
      const result = JSON.parse(stdout) as {
        paced: { totals: { sent: number; ok: number }; live: { loadModel: string }; cost: { currency: string } | null };
        closed: { totals: { sent: number; ok: number }; live: { loadModel: string } };
        whatIf: boolean;
        workers: Array<{ file: string; online: boolean; error: string | null }>;
      };
      expect(result.paced.totals).toMatchObject({ sent: 40, ok: 40 });
      expect(result.paced.live.loadModel).toBe('open');
      // The bundle has no module URLs, so it prices runs only through the table main hands it.
      expect(result.paced.cost).toMatchObject({ currency: 'USD' });
      expect(result.closed.totals.sent).toBeGreaterThan(0);
      expect(result.closed.totals.ok).toBe(result.closed.totals.sent);
      expect(result.closed.live.loadModel).toBe('closed');
      expect(result.whatIf).toBe(true);
      const started = new Set(result.workers.map((w) => w.file));
      expect(started).toEqual(new Set(Object.values(bundledWorkerFiles(outdir))));
      for (const worker of result.workers) expect(worker).toMatchObject({ online: true, error: null });
    },
  );
});
