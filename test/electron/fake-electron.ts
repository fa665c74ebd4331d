import { EventEmitter } from 'node:events';

/** A stand-in for an Electron event: records `preventDefault`. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** A WebContents with the handlers the shell installs. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
}

/** A BrowserWindow that remembers how it was made. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  maximized = false;
  destroyed = false;
  bounds = { x: 10, y: 20, width: 1200, height: 800 };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {}
}

/** Two linked MessagePortMain stand-ins: a message posted on one arrives on the other, asynchronously. */
export class FakePort extends EventEmitter {
  other: FakePort | null = null;
  closed = false;
  postMessage(data: unknown): void {
    const target = this.other;
    queueMicrotask(() => target?.emit('message', { data: structuredClone(data) }));
  }
  start(): void {}
  close(): void {
    this.closed = true;
  }
}

export function portPair(): { port1: FakePort; port2: FakePort } {
  const port1 = new FakePort();
  const port2 = new FakePort();
  port1.other = port2;
  port2.other = port1;
  return { port1, port2 };
}
