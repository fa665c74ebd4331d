import { readFile } from 'node:fs/promises';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomic } from '../../core/node/atomic-write.ts';

/** The window's remembered size and place (`userData/window-state.json`). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };
const MIN_SIZE = 400;
const SAVE_DELAY_MS = 500;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Reads the saved state; anything unreadable, too small or off every display falls back to the defaults. */
export async function loadWindowState(file: string, displays: readonly Rectangle[]): Promise<WindowState> {
  let saved: Partial<WindowState>;
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as Partial<WindowState>;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (!isInt(saved.width) || !isInt(saved.height) || saved.width < MIN_SIZE || saved.height < MIN_SIZE) {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const state: WindowState = { width: saved.width, height: saved.height, maximized: saved.maximized === true };
  const { x, y } = saved;
  // A monitor unplugged since last time would leave the window out of sight; then the OS places it.
  if (isInt(x) && isInt(y) && displays.some((d) => x >= d.x && y >= d.y && x < d.x + d.width && y < d.y + d.height)) {
    state.x = x;
    state.y = y;
  }
  return state;
}

/** Saves the window's bounds (atomically, shortly after each move or resize, and on close). */
export function trackWindowState(window: BrowserWindow, file: string): { flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    timer = null;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    writing = writing.then(() => writeFileAtomic(file, `${JSON.stringify(state)}\n`)).catch(() => {});
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
  return { flush: () => writing };
}
