import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a renderer file, by its extension. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Headers on every response: no sniffing, no framing, no referrer (the page URL carries the token). */
export function baseHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/** The page shown when the renderer hasn't been built: what to run, instead of a bare 404. */
export const NOT_BUILT_MESSAGE =
  'The Gatelab UI is not built yet: run `npx vite build` in the Gatelab folder (it writes dist/renderer), then reload.';

function notBuiltPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>Gatelab</title><p>${NOT_BUILT_MESSAGE.replace(/`([^`]+)`/g, '<code>$1</code>')}</p>\n`;
}

/** The file a URL path names inside `root`, or null when it would step outside it. */
export function fileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, decoded === '/' ? 'index.html' : decoded));
  return file === base || !file.startsWith(base + sep) ? null : file;
}

/** Serves one file of the built renderer (or the "not built" page), with the security headers. */
export async function serveStatic(
  root: string,
  pathname: string,
  response: ServerResponse,
  headers: Record<string, string>,
  headOnly: boolean,
): Promise<void> {
  const file = fileFor(root, pathname);
  let body: Buffer | string;
  let status = 200;
  try {
    if (file === null) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    body = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
    const isPage = pathname === '/' || pathname === '/index.html';
    status = isPage ? 503 : 404;
    body = isPage ? notBuiltPage() : 'Not found\n';
  }
  const type = status === 200 && file ? contentTypeOf(file) : undefined;
  response.writeHead(status, {
    ...headers,
    'content-type': type ?? (status === 503 ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'),
    'cache-control': type?.startsWith('text/html') || status !== 200 ? 'no-store' : 'no-cache',
  });
  response.end(headOnly ? undefined : body);
}
