#!/usr/bin/env node
// Bundles the Electron shell into dist/electron/: main, the sandboxed preload and the lab's utility process, each as
// one CommonJS file (a sandboxed preload can't load modules; one file each also keeps the package small).
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

/** Builds every bundle into `outdir` (default dist/electron); resolves with the files written. */
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
