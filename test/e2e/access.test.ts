import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, startTestUi } from './support/browser.ts';

/** How a WebSocket handshake to the lab ends: `open`, or the HTTP status it was refused with. */
function handshake(url: string, origin: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin, handshakeTimeout: 5000 });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** No other page or program may drive the lab: requests need the launch token and the app's own Origin. */
describe.skipIf(!chromiumAvailable)('browser mode access', () => {
  let server: UiServer;
  let browser: Browser;
  let lab: string;
  let origin: string;

  beforeAll(async () => {
    server = await startTestUi();
    browser = await launchChromium();
    origin = `http://127.0.0.1:${server.port}`;
    lab = `ws://127.0.0.1:${server.port}/lab`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('refuses a page load without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${origin}/`, { timeout: 15_000 });
    expect(response?.status()).toBe(403);
    const fetched = await page.evaluate(async () => (await fetch('/index.html')).status);
    expect(fetched).toBe(403);
    await page.close();
  }, 30_000);

  it('accepts the lab socket from the app’s own Origin with the token', async () => {
    expect(await handshake(`${lab}?token=${server.token}`, origin)).toBe('open');
  }, 15_000);

  it('refuses the lab socket from a foreign Origin, even with the token', async () => {
    expect(await handshake(`${lab}?token=${server.token}`, 'http://evil.example')).toBe(403);
  }, 15_000);

  it('refuses the lab socket without the token', async () => {
    expect(await handshake(lab, origin)).toBe(403);
  }, 15_000);
});
