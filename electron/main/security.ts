import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../../core/node/ui-server/csp.ts';
import { APP_ORIGIN } from '../shared/channels.ts';

/** The page's CSP: the same as the browser mode's, minus the WebSocket (Electron talks over IPC). */
export const APP_CSP = contentSecurityPolicy();

/** ARCHITECTURE.md "Electron shell": the renderer gets no Node, no webviews, and runs sandboxed and isolated. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // A custom scheme's URL.origin is "null", so the origin is rebuilt from its parts.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True for a URL of the app's own origin (`app://gatelab`, or the dev server's when one is used). */
export function isAppUrl(url: string, origin: string = APP_ORIGIN): boolean {
  return originOf(url) === origin;
}

/** Denies new windows, navigation and redirects away from the app's origin, and webviews. */
export function hardenContents(contents: WebContents, origin: string = APP_ORIGIN): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Adds the CSP to every response the session sees and refuses every permission request (camera, geolocation…). */
export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * IPC comes only from the main window's own top frame showing the app: not from another window, a subframe, or a
 * page the window was somehow navigated to.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: { webContents: unknown } | null,
  origin: string = APP_ORIGIN,
): boolean {
  const frame = event.senderFrame;
  if (window === null || event.sender !== window.webContents || !frame) return false;
  return frame.parent === null && isAppUrl(frame.url, origin);
}
