import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the real `node bin/gatelab.mjs serve …` and resolves once it prints its address. */
function serve(...args: string[]) {
  const child = spawn(process.execPath, ['bin/gatelab.mjs', 'serve', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (url) resolve(url[1]!);
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

describe('node bin/gatelab.mjs serve', () => {
  it('serves the Hello-from-Lambda API on a free port and stops cleanly on SIGTERM', async () => {
    const server = serve('examples/http-api.gatelab.json', '--port', '0');
    const url = await server.ready;
    const hello = await fetch(`${url}/hello`);
    expect(hello.status).toBe(200);
    expect(await hello.text()).toBe('"Hello from Lambda!"');
    expect((await fetch(`${url}/_gatelab/health`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain('bound to 127.0.0.1');
  });

  it('exits 3 with one line when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const server = serve('examples/petstore.gatelab.json', '--port', String(port));
    server.ready.catch(() => undefined);
    expect(await server.exited).toBe(3);
    blocker.close();
    const { stderr } = server.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`${port}`));
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
