// The Electron main process: windows, security, IPC validation and relays; the lab itself runs in a utility process.
import { join } from 'node:path';
import { app, ipcMain, protocol, screen, session, type BrowserWindow } from 'electron';
import { defaultDataDir } from '../../core/node/lab/data-dir.ts';
import { APP_ORIGIN, LAB_EVENT_CHANNEL } from '../shared/channels.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { registerLabIpc } from './lab-ipc.ts';
import { startLabProcess } from './lab-process.ts';
import { createMainWindow } from './main-window.ts';
import { nativeDialogs } from './native-dialogs.ts';
import { isTrustedSender, secureSession } from './security.ts';
import { loadWindowState, trackWindowState } from './window-state.ts';

registerAppScheme(protocol);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  const root = app.getAppPath();
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  serveRenderer(protocol, join(root, 'dist', 'renderer'));
  secureSession(session.defaultSession);

  let window: BrowserWindow | null = null;
  const lab = startLabProcess({
    modulePath: join(__dirname, 'lab-process.cjs'),
    examplesDir: join(root, 'examples'),
    pricesFile: join(root, 'data', 'prices-us-east-1.json'),
    // The same run history as `gatelab ui`, so both surfaces show every run.
    dataDir: defaultDataDir(),
    dialogs: nativeDialogs(() => window),
  });
  registerLabIpc(ipcMain, { isTrusted: (event) => isTrustedSender(event, window), call: lab.call });
  lab.onEvent((event) => {
    if (window && !window.isDestroyed()) window.webContents.send(LAB_EVENT_CHANNEL, event);
  });

  const state = await loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  window = createMainWindow({
    preload: join(__dirname, 'preload.cjs'),
    state,
    url: `${APP_ORIGIN}/index.html`,
    origin: APP_ORIGIN,
  });
  const tracked = trackWindowState(window, stateFile);
  window.on('closed', () => (window = null));
  app.on('second-instance', () => window?.focus());
  app.on('window-all-closed', () => {
    void Promise.all([tracked.flush(), lab.close()]).finally(() => app.quit());
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    console.error(`Gatelab could not start: ${String(error)}`);
    app.exit(1);
  });
