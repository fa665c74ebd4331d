import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startUiServer, type UiServer } from '../../../../core/node/ui-server/ui-server.ts';
import { EXAMPLES_DIR, example, tempDir } from '../lab/helpers.ts';
import { connect, get, messages } from './helpers.ts';

let server: UiServer;
let cookie: string;
const origin = () => `http://127.0.0.1:${server.port}`;

beforeAll(async () => {
  const rendererDir = tempDir('gatelab-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gatelab</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startUiServer({ rendererDir, examplesDir: EXAMPLES_DIR, dataDir: tempDir(), warn: () => {} });
  const page = await get(server.port, `/?token=${server.token}`);
  cookie = String(page.headers['set-cookie']).split(';')[0]!;
});

afterAll(() => server.close());

describe('browser mode: HTTP', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses the page without the token', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(403);
    expect((await get(server.port, '/?token=wrong')).status).toBe(403);
    expect((await get(server.port, '/assets/app.js')).status).toBe(403);
  });

  it('serves the page with the token, sets an HttpOnly SameSite=Strict cookie and a strict CSP', async () => {
    const page = await get(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Gatelab</title>');
    const setCookie = String(page.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with the cookie, never outside the renderer folder', async () => {
    const asset = await get(server.port, '/assets/app.js', { cookie });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/text\/javascript/);
    expect((await get(server.port, '/%2e%2e/%2e%2e/package.json', { cookie })).status).toBe(404);
    expect((await get(server.port, '/missing.js', { cookie })).status).toBe(404);
  });

  it('refuses a foreign Host even with the cookie (DNS rebinding)', async () => {
    const page = await get(server.port, '/', { cookie, host: `evil.example:${server.port}` });
    expect(page.status).toBe(403);
  });

  it('says how to build the UI when the renderer is missing', async () => {
    const bare = await startUiServer({
      rendererDir: join(tempDir(), 'none'),
      examplesDir: EXAMPLES_DIR,
      dataDir: tempDir(),
    });
    try {
      expect(bare.rendererBuilt).toBe(false);
      const page = await get(bare.port, `/?token=${bare.token}`);
      expect(page.status).toBe(503);
      expect(page.body).toContain('npx vite build');
    } finally {
      await bare.close();
    }
  });
});

describe('browser mode: the lab WebSocket', () => {
  it('refuses an upgrade without the token, from a foreign Origin, or with a wrong Host', async () => {
    expect(await connect(server.port, { origin: origin() })).toBe(403);
    expect(await connect(server.port, { origin: 'http://evil.example', cookie })).toBe(403);
    expect(await connect(server.port, { cookie })).toBe(403);
    expect(await connect(server.port, { origin: origin(), cookie, host: `evil.example:${server.port}` })).toBe(403);
  });

  it('answers valid calls, with the cookie or the token in the URL', async () => {
    const socket = (await connect(server.port, { origin: origin(), cookie })) as WebSocket;
    const inbox = messages(socket);
    socket.send(JSON.stringify({ id: 1, method: 'listExamples', args: [] }));
    socket.send(JSON.stringify({ id: 2, method: 'validateConfig', args: [example('petstore.gatelab.json')] }));
    const list = await inbox.next((m) => m.id === 1);
    expect(list.ok).toBe(true);
    expect(list.result).toContainEqual(expect.objectContaining({ name: 'petstore.gatelab.json' }));
    expect(await inbox.next((m) => m.id === 2)).toMatchObject({ ok: true, result: { kind: 'config', ok: true } });
    socket.close();

    const local = `http://localhost:${server.port}`;
    const viaQuery = await connect(server.port, { origin: local, query: `?token=${server.token}` });
    expect(typeof viaQuery).not.toBe('number');
    (viaQuery as WebSocket).close();
  });

  it('answers bad input with error codes and keeps serving', async () => {
    const socket = (await connect(server.port, { origin: origin(), cookie })) as WebSocket;
    const inbox = messages(socket);
    socket.send('{not json');
    expect(await inbox.next((m) => m.id === -1)).toMatchObject({ ok: false, error: { code: 'GATELAB_E_BAD_MESSAGE' } });
    socket.send(JSON.stringify({ id: 3, method: 'rmRf', args: [] }));
    expect(await inbox.next((m) => m.id === 3)).toMatchObject({ error: { code: 'GATELAB_E_UNKNOWN_METHOD' } });
    socket.send(JSON.stringify({ id: 4, method: 'loadExample', args: [] }));
    const count = await inbox.next((m) => m.id === 4);
    expect(count).toMatchObject({ ok: false, error: { code: 'GATELAB_E_BAD_ARGS' } });
    expect(JSON.stringify(count)).toMatch(/expected 1 argument, got 0/);
    socket.send(JSON.stringify({ id: 5, method: 'startRun', args: ['go'] }));
    expect(await inbox.next((m) => m.id === 5)).toMatchObject({ error: { code: 'GATELAB_E_BAD_ARGS' } });
    socket.send(JSON.stringify({ id: 6, method: 'getReport', args: ['../../etc/passwd'] }));
    expect(await inbox.next((m) => m.id === 6)).toMatchObject({ error: { code: 'GATELAB_E_BAD_ARGS' } });
    socket.send(JSON.stringify({ id: 7, method: 'listRuns', args: [] }));
    expect(await inbox.next((m) => m.id === 7)).toMatchObject({ ok: true });
    socket.close();
  });

  it('pushes run ticks and the end of a run', async () => {
    const socket = (await connect(server.port, { origin: origin(), cookie })) as WebSocket;
    const inbox = messages(socket);
    const run = {
      config: example('petstore.gatelab.json'),
      scenario: example('steady.scenario.json'),
      mode: 'virtual',
    };
    socket.send(JSON.stringify({ id: 8, method: 'startRun', args: [run] }));
    const started = await inbox.next((m) => m.id === 8);
    expect(started).toMatchObject({ ok: true, result: { runId: expect.any(String) } });
    const ended = await inbox.next((m) => (m.event as { type?: string } | undefined)?.type === 'run-ended');
    expect(ended.event).toMatchObject({ state: 'finished', summary: { sent: expect.any(Number) } });
    expect(inbox.all.some((m) => (m.event as { type?: string } | undefined)?.type === 'run-tick')).toBe(true);
    socket.close();
  });
});
