import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** True for loopback binds (127.0.0.0/8, ::1, localhost), where the admin endpoints need no token. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** A fresh admin token, printed at start when the server is reachable from other machines. */
export function newAdminToken(): string {
  return randomBytes(16).toString('hex');
}

/** The token a request presents: `Authorization: Bearer …` or `x-gatelab-token`. */
function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const header = headers['x-gatelab-token'];
  return typeof header === 'string' ? header : undefined;
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
export function hasAdminToken(headers: IncomingHttpHeaders, token: string): boolean {
  const presented = presentedToken(headers);
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
