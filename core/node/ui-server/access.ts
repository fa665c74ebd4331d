import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A per-launch secret: 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Who may use the browser mode: a request must carry the launch token (in the URL the CLI prints, or in the cookie
 * set when that URL is opened), name this server in `Host` (a DNS-rebinding page names its own host), and, for the
 * WebSocket, come from a page of this server (`Origin`), so no other web page can drive the lab.
 */
export class UiAccess {
  /** Cookies ignore ports, so each launch's port is in the name: two servers on one machine don't clash. */
  readonly cookieName: string;
  private readonly hosts: readonly string[];
  private readonly origins: readonly string[];

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.cookieName = `gatelab_token_${port}`;
    this.hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    this.origins = this.hosts.map((host) => `http://${host}`);
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.hosts.includes((request.headers.host ?? '').toLowerCase());
  }

  originAllowed(request: IncomingMessage): boolean {
    return this.origins.includes((request.headers.origin ?? '').toLowerCase());
  }

  /** True when the URL carries the token (which then sets the cookie). */
  tokenInUrl(url: URL): boolean {
    return sameSecret(url.searchParams.get('token'), this.token);
  }

  authorised(request: IncomingMessage, url: URL): boolean {
    return this.tokenInUrl(url) || sameSecret(cookieValue(request.headers.cookie, this.cookieName), this.token);
  }

  setCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
