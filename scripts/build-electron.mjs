#!/usr/bin/env node
// Bundles the Electron shell into dist/electron/: main, the sandboxed preload and the lab's utility process, each as
// one CommonJS file (a sandboxed preload can't load modules; one file each also keeps the package small), and the
// lab's worker threads as ESM files in dist/electron/workers/.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each bundle: its entry, its output name, and where it runs. */
export const ELECTRON_BUNDLES = [
  { entry: 'electron/main/index.ts', out: 'main.cjs', platform: 'node' },
  { entry: 'electron/preload/index.ts', out: 'preload.cjs', platform: 'browser' },
  { entry: 'electron/lab-process/index.ts', out: 'lab-process.cjs', platform: 'node' },
];

/**
 * The worker threads the lab process starts, each one ESM file in `workers/` next to the bundles (a worker is its
 * own module graph, so it can't live inside lab-process.cjs). The TypeScript and the packages they import are
 * bundled in, so no TypeScript loader runs in the app. `electron/lab-process/worker-files.ts` names the same files.
 */
export const ELECTRON_WORKERS = [
  { entry: 'core/node/live/load-worker.ts', out: 'workers/load-worker.mjs' },
  { entry: 'core/node/lab/tuning-worker.ts', out: 'workers/tuning-worker.mjs' },
  { entry: 'core/node/integrations/lambda-worker.mjs', out: 'workers/lambda-worker.mjs' },
];

// Bundled CommonJS packages still call require() for Node's built-ins, which ESM lacks.
const ESM_REQUIRE =
  "import { createRequire as __gatelabRequire } from 'node:module';\nconst require = __gatelabRequire(import.meta.url);";

/** Builds every bundle and worker into `outdir` (default dist/electron); resolves with the files written. */
export async function buildElectron(outdir = join(ROOT, 'dist', 'electron')) {
  const written = [];
  for (const bundle of ELECTRON_BUNDLES) {
    const outfile = join(outdir, bundle.out);
    await build({
      entryPoints: [join(ROOT, bundle.entry)],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: bundle.platform,
      // Electron 39 ships Node 22 and Chromium 142.
      target: bundle.platform === 'node' ? 'node22' : 'chrome142',
      external: ['electron'],
      // Core resolves its default worker files from import.meta.url only when no file is given, and the lab
      // process gives the bundled ones (electron/lab-process/worker-files.ts).
      logOverride: { 'empty-import-meta': 'silent' },
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    written.push(outfile);
  }
  for (const worker of ELECTRON_WORKERS) {
    const outfile = join(outdir, worker.out);
    await build({
      entryPoints: [join(ROOT, worker.entry)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      banner: { js: ESM_REQUIRE },
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    written.push(outfile);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildElectron(process.argv[2]);
  for (const file of files) console.log(`built ${file}`);
}
