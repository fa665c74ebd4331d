import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerServeCommand, serveCommand, type RunningServe } from '../../../core/cli/commands/serve.ts';
import { get, onCleanup } from './helpers.ts';

const example = (name: string): string => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) } };
}

/** Runs `serve`, hands the running server to `use`, then stops it the way SIGTERM does. */
async function serveAndStop(
  file: string,
  options: Parameters<typeof serveCommand>[1],
  use: (running: RunningServe) => Promise<void>,
) {
  const output = capture();
  let failure: unknown = null;
  const code = await serveCommand(file, options, {
    io: output.io,
    onReady: (running) => {
      void use(running)
        .catch((error: unknown) => (failure = error))
        .finally(() => running.shutdown('SIGTERM'));
    },
  });
  if (failure !== null) throw failure;
  return { code, ...output };
}

describe('gatelab serve', () => {
  it('prints the bind, the invoke URLs per stage, serves, and exits 0 on SIGTERM', async () => {
    const { code, out, err } = await serveAndStop(
      example('petstore.gatelab.json'),
      { port: '0' },
      async ({ server }) => {
        expect((await get(server, '/_gatelab/health')).status).toBe(200);
        expect((await get(server, '/prod/pets')).status).toBe(403);
      },
    );
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toMatch(/on http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toMatch(/bound to 127\.0\.0\.1: reachable from this machine only/);
    expect(text).toMatch(/ {2}prod {2}http:\/\/127\.0\.0\.1:\d+\/prod\//);
    expect(text).not.toMatch(/admin token/);
    expect(out.at(-1)).toBe('gatelab serve: stopped');
  });

  it('prints the root URL of an HTTP API $default stage and honours --clock manual', async () => {
    const { code, out } = await serveAndStop(
      example('http-api.gatelab.json'),
      { port: '0', clock: 'manual', debugHeaders: false },
      async ({ server }) => {
        expect((await get(server, '/items/3')).body).toBe('{"item":"3"}');
        expect(server.gatewayHost.clockKind).toBe('manual');
      },
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/\$default {2}http:\/\/127\.0\.0\.1:\d+\/\n/);
  });

  it('prints the Host: form with several APIs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatelab-serve-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'two.gatelab.json');
    const api = (id: string) => ({ id, routes: [{ method: 'GET', path: '/' }], stages: [{ name: 's' }] });
    await writeFile(file, JSON.stringify({ formatVersion: 1, apis: [api('one'), api('two')] }));
    const { out } = await serveAndStop(file, { port: '0' }, async () => {});
    const text = out.join('\n');
    expect(text).toMatch(/two \(REST\): Host: two\.execute-api\.localhost:\d+/);
    expect(text).toMatch(/http:\/\/two\.execute-api\.localhost:\d+\/s\//);
  });

  it('exits 2 with one FILE: path: message line per problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatelab-serve-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'bad.gatelab.json');
    await writeFile(file, JSON.stringify({ formatVersion: 1, apis: [{ id: 'a', protocol: 'SOAP', stages: 3 }] }));
    const { io, err, out } = capture();
    expect(await serveCommand(file, { port: '0' }, { io })).toBe(2);
    expect(err).toHaveLength(2);
    for (const line of err)
      expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: apis\\[0\\]\\.`));
    expect(out).toEqual([]);
    expect(await serveCommand(join(dir, 'none.json'), {}, { io })).toBe(2);
    expect(err.at(-1)).toMatch(/no such file/);
  });

  it('exits 2 on a bad --port or --clock', async () => {
    const { io, err } = capture();
    expect(await serveCommand(example('petstore.gatelab.json'), { port: 'http' }, { io })).toBe(2);
    expect(await serveCommand(example('petstore.gatelab.json'), { port: '70000' }, { io })).toBe(2);
    expect(await serveCommand(example('petstore.gatelab.json'), { clock: 'sundial' }, { io })).toBe(2);
    expect(err).toHaveLength(3);
  });

  it('exits 3 with one clear line when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as AddressInfo).port;
    const { io, err, out } = capture();
    expect(await serveCommand(example('petstore.gatelab.json'), { port: String(port) }, { io })).toBe(3);
    expect(err).toEqual([expect.stringMatching(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`))]);
    expect(err[0]).not.toMatch(/\n|at .*\(/);
    expect(out).toEqual([]);
  });

  it('declares serve on a commander program with its flags', async () => {
    const { io, err } = capture();
    let exit = -1;
    const program = new Command('gatelab').exitOverride();
    registerServeCommand(program, (code) => (exit = code), io);
    const help = program.commands.find((c) => c.name() === 'serve')!.helpInformation();
    for (const flag of ['--port <n>', '--host <host>', '--no-debug-headers', '--clock <kind>'])
      expect(help).toContain(flag);
    const file = example('petstore.gatelab.json');
    await program.parseAsync(['serve', file, '--port', 'nope', '--no-debug-headers', '--clock', 'manual'], {
      from: 'user',
    });
    expect(exit).toBe(2);
    expect(err).toEqual(['gatelab serve: --port: expected an integer from 0 to 65535, got "nope"']);
  });
});
