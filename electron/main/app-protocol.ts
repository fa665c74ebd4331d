import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentTypeOf, fileFor } from '../../core/node/ui-server/static-files.ts';
import { APP_HOST, APP_SCHEME } from '../shared/channels.ts';
import { APP_CSP } from './security.ts';

/** Must run before the app is ready: `app://` behaves like https (a real origin, secure context, fetch). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves the built renderer at `app://gatelab/`, each response with the CSP; nothing outside the folder. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? fileFor(rendererDir, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': APP_CSP },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
