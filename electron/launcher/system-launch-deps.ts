import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchDeps } from './launch-app.ts';

/** A crash within this long after launch counts as "could not start" (missing libraries, no GPU, bad sandbox). */
const STARTUP_WINDOW_MS = 15_000;
const INSTALL_TIMEOUT_MS = 180_000;

/** Runs a child to completion; resolves with null on success, else the most telling line of its stderr. */
function run(command: string, args: string[], cwd: string, timeout: number): Promise<string | null> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString();
    });
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(null);
      else resolve(firstErrorLine(stderr) ?? (signal ? `stopped by ${signal}` : `exit code ${code}`));
    });
  });
}

function firstErrorLine(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim());
  const line = lines.find((l) => /error|cannot|failed|missing/i.test(l)) ?? lines.find((l) => l !== '');
  return line === undefined ? null : line.slice(0, 200);
}

/** The real machine: the project's node_modules, its dist folder and child processes. */
export function systemLaunchDeps(root: string, openBrowserUi: () => Promise<number>): LaunchDeps {
  const electronDir = join(root, 'node_modules', 'electron');
  return {
    log: (line) => console.error(line),
    electronBinary() {
      const pathFile = join(electronDir, 'path.txt');
      if (!existsSync(pathFile)) return null;
      const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
      return existsSync(binary) ? binary : null;
    },
    installElectron: () => run(process.execPath, [join(electronDir, 'install.js')], root, INSTALL_TIMEOUT_MS),
    noDisplayReason() {
      if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
      return 'there is no graphical display ($DISPLAY and $WAYLAND_DISPLAY are unset)';
    },
    async buildApp() {
      const shell = await run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], root, 120_000);
      if (shell !== null) return `the Electron shell could not be built (${shell})`;
      if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) return null;
      const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
      const ui = await run(process.execPath, [vite, 'build'], root, 300_000);
      return ui === null ? null : `the UI could not be built with npx vite build (${ui})`;
    },
    runElectron(binary) {
      return new Promise((resolve) => {
        const started = Date.now();
        let stderr = '';
        const child = spawn(binary, ['.'], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
        child.stderr?.on('data', (chunk: Buffer) => {
          process.stderr.write(chunk);
          if (stderr.length < 8192) stderr += chunk.toString();
        });
        child.once('error', (error) => resolve({ code: 1, startupFailure: error.message }));
        child.once('exit', (code, signal) => {
          const failed = code !== 0 && signal === null && Date.now() - started < STARTUP_WINDOW_MS;
          const why = failed ? (firstErrorLine(stderr) ?? `exit code ${code}`) : null;
          resolve({ code: code ?? 0, startupFailure: why });
        });
      });
    },
    openBrowserUi,
  };
}
