import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeEvent } from '../fake-electron.ts';

vi.mock('electron', async () => ({ BrowserWindow: (await import('../fake-electron.ts')).FakeBrowserWindow }));

const { createMainWindow } = await import('../../../electron/main/main-window.ts');
const { APP_CSP, isTrustedSender, secureSession } = await import('../../../electron/main/security.ts');

const open = () =>
  createMainWindow({
    preload: '/app/dist/electron/preload.cjs',
    state: { width: 1300, height: 900, maximized: true },
    url: 'app://gatelab/index.html',
    origin: 'app://gatelab',
  }) as unknown as FakeBrowserWindow;

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

describe('Electron main: the window', () => {
  it('is created with the security flags and the preload', () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(window.options).toMatchObject({ width: 1300, height: 900, show: false });
    expect(window.maximized).toBe(true);
    expect(window.loadedUrl).toBe('app://gatelab/index.html');
  });

  it('denies window.open', () => {
    const window = open();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'app://gatelab/other.html' })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects to another origin, and webviews', () => {
    const { webContents } = open();
    const away = fakeEvent({ url: 'https://evil.example/' });
    webContents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const lookalike = fakeEvent({ url: 'app://gatelab.evil/index.html' });
    webContents.emit('will-navigate', lookalike);
    expect(lookalike.defaultPrevented).toBe(true);
    const file = fakeEvent({ url: 'file:///etc/passwd' });
    webContents.emit('will-redirect', file);
    expect(file.defaultPrevented).toBe(true);
    const inApp = fakeEvent({ url: 'app://gatelab/index.html#runs' });
    webContents.emit('will-navigate', inApp);
    expect(inApp.defaultPrevented).toBe(false);
    const webview = fakeEvent({});
    webContents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });
});

describe('Electron main: session and senders', () => {
  it('adds the strict CSP to every response and refuses permissions', () => {
    let onHeaders: ((details: object, callback: (r: object) => void) => void) | null = null;
    let permission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    secureSession({
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof permission) => (permission = fn),
      setPermissionCheckHandler: () => {},
    } as never);
    let headers: Record<string, unknown> = {};
    onHeaders!(
      { responseHeaders: { 'x-a': ['1'] } },
      (r) => (headers = (r as { responseHeaders: object }).responseHeaders as never),
    );
    expect(headers).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [APP_CSP] });
    expect(APP_CSP).toMatch(/default-src 'self'; script-src 'self'/);
    expect(APP_CSP).toMatch(/object-src 'none'/);
    const answers: boolean[] = [];
    permission!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
  });

  it('trusts only the main window top frame showing the app', () => {
    const window = { webContents: {} };
    const frame = (url: string, parent: unknown = null) => ({ url, parent });
    const from = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as never;
    expect(isTrustedSender(from(window.webContents, frame('app://gatelab/index.html')), window)).toBe(true);
    expect(isTrustedSender(from(window.webContents, frame('https://evil.example/')), window)).toBe(false);
    expect(isTrustedSender(from(window.webContents, frame('app://gatelab/x', {})), window)).toBe(false);
    expect(isTrustedSender(from({}, frame('app://gatelab/index.html')), window)).toBe(false);
    expect(isTrustedSender(from(window.webContents, null), window)).toBe(false);
    expect(isTrustedSender(from(window.webContents, frame('app://gatelab/index.html')), null)).toBe(false);
  });
});
