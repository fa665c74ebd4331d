import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { parseConfig } from '../../engine/config/parse-config.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { startGatewayServer, type GatewayServer } from '../../node/server/gateway-server.ts';
import { parsePort } from '../option-values.ts';
import { loadJsonInput } from './run-inputs.ts';

/** `gatelab serve` flags as commander hands them over. */
export interface ServeOptions {
  port?: string;
  host?: string;
  debugHeaders?: boolean;
  clock?: string;
}

/** Where serve writes its lines (the CLI's io by default: the console). */
export interface ServeOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A started server and the function SIGINT/SIGTERM call to stop it. */
export interface RunningServe {
  server: GatewayServer;
  shutdown(signal?: string): void;
}

export interface ServeHooks {
  io?: ServeOutput;
  /** Called once the server listens (tests use it to reach the server and to stop it). */
  onReady?: (running: RunningServe) => void;
}

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;
const EXIT_RUNTIME = 3;
const DEFAULT_PORT = 4010;
const consoleOutput: ServeOutput = { out: (text) => console.log(text), err: (text) => console.error(text) };

function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `gatelab serve: cannot listen on ${host}:${port}`;
  if (code === 'EADDRINUSE')
    return `${where}: the port is already in use (EADDRINUSE); use --port N, or --port 0 for any free port`;
  if (code === 'EACCES') return `${where}: permission denied (EACCES); use a port above 1023`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `${where}: no such local address (${code})`;
  return `${where}: ${code ?? (error as Error).message}`;
}

/** The invoke URLs (SPEC §1): per REST stage, the root for `$default`, and the `Host:` form with several APIs. */
function banner(config: GatewayConfig, server: GatewayServer, clock: string): string[] {
  const { url, port, host } = server;
  const loopback = !server.adminTokenRequired;
  const lines = [
    `gatelab serve: ${config.name} on ${url}`,
    loopback
      ? `bound to ${host}: reachable from this machine only (use --host to change)`
      : `bound to ${host}: reachable from other machines; admin endpoints need the token`,
  ];
  const several = config.apis.length > 1;
  for (const [index, api] of config.apis.entries()) {
    const named = `http://${api.id}.execute-api.localhost:${port}`;
    lines.push(`${api.id} (${api.protocol})${several ? `: Host: ${api.id}.execute-api.localhost:${port}` : ''}`);
    for (const stage of api.stages) {
      const path = stage.name === '$default' ? '/' : `/${stage.name}/`;
      const plain = several && index > 0 ? '' : `${url}${path}`;
      const hosted = several ? `${named}${path}` : '';
      lines.push(`  ${stage.name}  ${[plain, hosted].filter((u) => u !== '').join('  or  ')}`);
    }
  }
  lines.push(`admin: ${url}/_gatelab/health, metrics, config, reset, cache?stage=S, clock`);
  if (!loopback) lines.push(`admin token: ${server.adminToken} (Authorization: Bearer <token> or x-gatelab-token)`);
  if (clock === 'manual') lines.push('clock: manual; move it with POST /_gatelab/clock {"advanceMs": N}');
  lines.push('Press Ctrl+C to stop.');
  return lines;
}

/**
 * `gatelab serve CONFIG`: validates the config (exit 2 with one `FILE: path: message` line per problem),
 * serves it until SIGINT/SIGTERM, then stops accepting, lets in-flight requests finish and resolves 0.
 * A runtime failure such as a port in use resolves 3 with one line, never a stack trace.
 */
export async function serveCommand(configPath: string, options: ServeOptions, hooks: ServeHooks = {}): Promise<number> {
  const io = hooks.io ?? consoleOutput;
  const port = options.port === undefined ? DEFAULT_PORT : parsePort(options.port);
  if (typeof port !== 'number') {
    io.err(`gatelab serve: ${port.error}`);
    return EXIT_BAD_INPUT;
  }
  const clock = options.clock ?? 'system';
  if (clock !== 'system' && clock !== 'manual') {
    io.err(`gatelab serve: --clock expects "system" or "manual", got "${clock}"`);
    return EXIT_BAD_INPUT;
  }
  const loaded = await loadJsonInput(configPath);
  if (!loaded.ok) {
    io.err(loaded.message);
    return EXIT_BAD_INPUT;
  }
  const parsed = parseConfig(loaded.value);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.err(`${configPath}: ${formatProblem(problem)}`);
    return EXIT_BAD_INPUT;
  }
  const host = options.host ?? '127.0.0.1';
  let server: GatewayServer;
  try {
    server = await startGatewayServer({
      config: parsed.value,
      port,
      host,
      debugHeaders: options.debugHeaders ?? true,
      clock,
      configDir: dirname(resolve(configPath)),
    });
  } catch (error) {
    io.err(listenFailure(error, host, port));
    return EXIT_RUNTIME;
  }
  for (const line of banner(parsed.value, server, clock)) io.out(line);
  return new Promise<number>((finish) => {
    let stopping = false;
    const stop = (code: number, reason: string): void => {
      if (stopping) return void server.server.closeAllConnections();
      stopping = true;
      io.out(`gatelab serve: ${reason}, finishing in-flight requests…`);
      void server.close().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        io.out('gatelab serve: stopped');
        finish(code);
      });
    };
    const onSignal = (signal: string): void => stop(EXIT_OK, `${signal} received`);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    server.server.on('error', (error) => {
      io.err(`gatelab serve: server error: ${(error as Error).message}`);
      stop(EXIT_RUNTIME, 'stopping after an error');
    });
    hooks.onReady?.({ server, shutdown: (signal = 'SIGTERM') => onSignal(signal) });
  });
}

/** Declares `serve <config> [--port N] [--host H] [--no-debug-headers] [--clock system|manual]`. */
export function registerServeCommand(program: Command, setExit: (code: number) => void, io?: ServeOutput): void {
  program
    .command('serve')
    .description('serve the APIs over HTTP until Ctrl+C')
    .argument('<config>', 'a *.gatelab.json gateway config')
    .option('--port <n>', 'port to listen on (0 picks a free port)', String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--no-debug-headers', 'leave out x-gatelab-cache and x-gatelab-throttled-by')
    .option('--clock <kind>', 'system, or manual (moved by POST /_gatelab/clock)', 'system')
    .action(async (config: string, options: ServeOptions) => {
      setExit(await serveCommand(config, options, io === undefined ? {} : { io }));
    });
}
