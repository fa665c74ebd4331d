import { BrowserWindow } from 'electron';
import { hardenContents, secureWebPreferences } from './security.ts';
import type { WindowState } from './window-state.ts';

export interface MainWindowOptions {
  preload: string;
  state: WindowState;
  /** The page: `app://gatelab/index.html`. */
  url: string;
  /** The origin navigation is allowed within. */
  origin: string;
}

/** The app's one window, locked down (ARCHITECTURE.md "Electron shell") and shown once its page has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  const window = new BrowserWindow({
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gatelab',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preload),
  });
  hardenContents(window.webContents, options.origin);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
