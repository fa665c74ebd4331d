import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../../electron/main/app-protocol.ts';
import { APP_CSP } from '../../../electron/main/security.ts';
import { tempDir } from '../../core/node/lab/helpers.ts';

describe('Electron main: the app:// protocol', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes) } as never);
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'void 0');
    let handler: ((request: Request) => Promise<Response>) | null = null;
    serveRenderer({ handle: (_scheme: string, fn: typeof handler) => (handler = fn) } as never, dir);
    const page = await handler!(new Request('app://gatelab/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await handler!(new Request('app://gatelab/assets/app.js'))).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await handler!(new Request('app://gatelab/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    expect((await handler!(new Request('app://gatelab/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
    expect((await handler!(new Request('app://other/index.html'))).status).toBe(404);
  });
});
