import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LabWorkerFiles } from '../../core/node/lab/lab-host.ts';

/** Where `scripts/build-electron.mjs` writes the lab's workers, relative to the bundles' folder. */
export const WORKER_FILES = {
  load: 'workers/load-worker.mjs',
  tuning: 'workers/tuning-worker.mjs',
  lambda: 'workers/lambda-worker.mjs',
} as const;

/**
 * The bundled workers next to the lab process's bundle in `bundleDir`. Inside an asar archive their unpacked
 * copies win when the package has them (electron-builder's `asarUnpack`): whether a worker thread can load an ESM
 * entry from inside an archive depends on Electron's asar support, while unpacked files always load.
 */
export function bundledWorkerFiles(bundleDir: string): Required<LabWorkerFiles> {
  const unpacked = bundleDir.replace(/\.asar(?=[\\/]|$)/, '.asar.unpacked');
  const dir = unpacked !== bundleDir && existsSync(join(unpacked, 'workers')) ? unpacked : bundleDir;
  return {
    load: join(dir, WORKER_FILES.load),
    tuning: join(dir, WORKER_FILES.tuning),
    lambda: join(dir, WORKER_FILES.lambda),
  };
}
