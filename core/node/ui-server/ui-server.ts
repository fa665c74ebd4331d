import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { WS_PATH } from '../../contract/ws-protocol.ts';
import { createLabHost, type LabHost } from '../lab/lab-host.ts';
import { UiAccess, newToken } from './access.ts';
import { contentSecurityPolicy } from './csp.ts';
import { serveLab } from './lab-socket.ts';
import { baseHeaders, serveStatic } from './static-files.ts';

export interface UiServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: the lab can read and write files, so it is never offered to the network. */
  host?: '127.0.0.1';
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  examplesDir: string;
  dataDir: string;
  /** A lab host to serve instead of a new one (tests); it is closed with the server all the same. */
  lab?: LabHost;
  warn?: (message: string) => void;
}

export interface UiServer {
  /** The URL to open, launch token included. */
  url: string;
  port: number;
  token: string;
  /** True when the renderer has been built; otherwise the page says how to build it. */
  rendererBuilt: boolean;
  close(): Promise<void>;
}

/** Largest WebSocket message accepted: a big config or scenario as text, with room to spare. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

function refuse(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: 403 | 404): void {
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * The browser mode (SPEC §1 `gatelab ui`): serves the built renderer and carries the `LabApi` over a WebSocket at
 * `/lab`, on 127.0.0.1 only, to callers holding the per-launch token (see `UiAccess`).
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const warn = options.warn ?? ((message: string) => console.warn(`gatelab ui: ${message}`));
  const host = options.host ?? '127.0.0.1';
  const token = newToken();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  const access = new UiAccess(token, port);
  const headers = baseHeaders(contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]));
  const lab = options.lab ?? createLabHost({ examplesDir: options.examplesDir, dataDir: options.dataDir, warn });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  serveLab(sockets, lab, warn);

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!access.hostAllowed(request)) return refuse(response, 403, 'Forbidden: unexpected Host', headers);
    if (!access.authorised(request, url)) {
      return refuse(response, 403, 'Forbidden: open the URL that `gatelab ui` printed (it carries the token)', headers);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(response, 405, 'Method not allowed', { ...headers, allow: 'GET, HEAD' });
    }
    const extra = access.tokenInUrl(url) ? { 'set-cookie': access.setCookie() } : {};
    await serveStatic(options.rendererDir, url.pathname, response, { ...headers, ...extra }, request.method === 'HEAD');
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    onRequest(request, response).catch((error: unknown) => {
      warn(`request ${request.url ?? ''}: ${String(error)}`);
      if (!response.headersSent) refuse(response, 500, 'Internal error', headers);
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404);
    if (!access.hostAllowed(request) || !access.originAllowed(request) || !access.authorised(request, url)) {
      return refuseUpgrade(socket, 403);
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    rendererBuilt: existsSync(join(options.rendererDir, 'index.html')),
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await lab.close();
    },
  };
}
