import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The project root. */
export const ROOT = join(import.meta.dirname, '../../..');
/** Where `vite build` puts the renderer. */
export const RENDERER_DIST = join(ROOT, 'dist/renderer');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when `dist/renderer` is missing or older than a renderer source or the build config. */
export function rendererStale(): boolean {
  const built = join(RENDERER_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'vite.config.ts')));
  return sources > statSync(built).mtimeMs;
}

/** Builds the renderer (`vite build`) when it is missing or stale. */
export async function ensureRendererBuilt(): Promise<void> {
  if (!rendererStale()) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, timeout: 150_000 });
}
