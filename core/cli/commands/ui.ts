import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT, consoleIo, type CliContext, type CliIo } from '../io.ts';
import { parsePort } from '../option-values.ts';

export interface UiOptions {
  port?: string;
  /** False with `--no-open`. */
  open?: boolean;
}

/** What `gatelab ui` touches outside itself, injectable for tests. */
export interface UiDeps {
  io: CliIo;
  env: Record<string, string | undefined>;
  /** The package folder, holding `examples/` and `dist/renderer/`. */
  packageRoot: string;
  /** Opens a URL in the default browser; rejects with a reason when it can't. */
  openBrowser(url: string): Promise<void>;
  /** Resolves when the server should stop (SIGINT or SIGTERM). */
  untilStopped(): Promise<void>;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `xdg-open`, `open` or `start`, detached, failing softly: the printed URL still works. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

const defaultDeps: UiDeps = {
  io: consoleIo,
  env: process.env,
  packageRoot: PACKAGE_ROOT,
  openBrowser: (url) => openInBrowser(url),
  untilStopped: stopSignal,
};

/**
 * `gatelab ui [--port N] [--no-open]` (SPEC §1): serves the lab UI on 127.0.0.1, prints its URL (with the launch
 * token), opens the default browser unless `--no-open`, and runs until SIGINT/SIGTERM. Returns the exit code.
 */
export async function uiCommand(options: UiOptions, deps: Partial<UiDeps> = {}): Promise<number> {
  const { io, env, packageRoot, openBrowser, untilStopped } = { ...defaultDeps, ...deps };
  const port = options.port === undefined ? 0 : parsePort(options.port);
  if (typeof port !== 'number') {
    io.err(`gatelab ui: ${port.error}`);
    return EXIT.badInput;
  }
  const { startUiServer } = await import('../../node/ui-server/ui-server.ts');
  const { defaultDataDir } = await import('../../node/lab/data-dir.ts');
  const { NOT_BUILT_MESSAGE } = await import('../../node/ui-server/static-files.ts');
  let server: Awaited<ReturnType<typeof startUiServer>>;
  try {
    server = await startUiServer({
      port,
      rendererDir: join(packageRoot, 'dist', 'renderer'),
      examplesDir: join(packageRoot, 'examples'),
      dataDir: defaultDataDir(env),
      warn: (message) => io.err(`gatelab ui: ${message}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port` : String(error);
    io.err(`gatelab ui: cannot start: ${reason}`);
    return EXIT.runtimeFailure;
  }
  if (!server.rendererBuilt) io.err(`gatelab ui: ${NOT_BUILT_MESSAGE}`);
  io.out(`Gatelab UI: ${server.url}`);
  io.out('Press Ctrl+C to stop.');
  if (options.open !== false) {
    await openBrowser(server.url).catch((error: unknown) =>
      io.err(`gatelab ui: could not open a browser (${(error as Error).message}); open the URL above yourself`),
    );
  }
  await untilStopped();
  await server.close();
  io.out('Gatelab UI stopped.');
  return EXIT.ok;
}

/** Declares `gatelab ui [--port N] [--no-open]`. */
export function registerUiCommand(program: Command, context: CliContext): void {
  program
    .command('ui')
    .description('open the lab UI in the browser (127.0.0.1)')
    .option('--port <n>', 'the port to serve on (default: any free port)')
    .option('--no-open', "print the URL but don't open a browser")
    .action(async (options: UiOptions) => {
      context.setExitCode(await uiCommand(options, { io: context.io }));
    });
}
