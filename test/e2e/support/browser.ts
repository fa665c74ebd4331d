import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startUiServer, type UiServer } from '../../../core/node/ui-server/ui-server.ts';
import { RENDERER_DIST, ROOT } from './renderer-build.ts';

/** Debian's Chromium, which CI installs with apt. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here; in CI a missing Chromium is a failure, not a skip. */
export const chromiumAvailable = existsSync(CHROMIUM) || process.env['CI'] === 'true';

/** Headless Chromium with everything that would reach the network switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The browser mode's server over `examplesDir`, with a throwaway data folder removed on close. */
export async function startTestUi(examplesDir = join(ROOT, 'examples')): Promise<UiServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatelab-e2e-'));
  const server = await startUiServer({ rendererDir: RENDERER_DIST, examplesDir, dataDir, warn: () => undefined });
  return {
    ...server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `test-results/NAME.png`, its folder created. */
export function screenshotPath(name: string): string {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
