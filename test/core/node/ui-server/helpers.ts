import { request } from 'node:http';
import { WebSocket } from 'ws';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET to 127.0.0.1 with exactly the headers given (fetch won't let a test forge `Host`). */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the lab socket; resolves with the socket, or with the HTTP status the upgrade was refused with. */
export function connect(
  port: number,
  options: { origin?: string; cookie?: string; host?: string; query?: string } = {},
): Promise<WebSocket | number> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.host) headers.host = options.host;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/lab${options.query ?? ''}`, {
    headers,
    ...(options.origin ? { origin: options.origin } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/** Replies and events of one socket, awaited by predicate. */
export function messages(socket: WebSocket): {
  next(match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  all: Array<Record<string, unknown>>;
} {
  const all: Array<Record<string, unknown>> = [];
  const waiters: Array<{
    match: (m: Record<string, unknown>) => boolean;
    resolve: (m: Record<string, unknown>) => void;
  }> = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    all.push(message);
    for (const waiter of [...waiters]) {
      if (!waiter.match(message)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  return {
    all,
    next: (match) =>
      new Promise((resolve) => {
        const seen = all.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
  };
}
