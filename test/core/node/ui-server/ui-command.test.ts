import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiCommand, type UiDeps } from '../../../../core/cli/commands/ui.ts';
import { tempDir } from '../lab/helpers.ts';
import { get } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../../..');

/** Runs `gatelab ui` in process; `whileUp` runs once the URL is printed, then the command is stopped. */
async function runUi(
  options: { port?: string; open?: boolean },
  whileUp: (url: string) => Promise<void> = async () => {},
  extra: Partial<UiDeps> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const code = await uiCommand(options, {
    io: {
      out: (text) => {
        out.push(text);
        const url = /Gatelab UI: (\S+)/.exec(text)?.[1];
        if (url) void whileUp(url).finally(stop);
      },
      err: (text) => err.push(text),
    },
    env: { GATELAB_DATA_DIR: tempDir() },
    packageRoot: ROOT,
    untilStopped: () => stopped,
    openBrowser: async () => {},
    ...extra,
  });
  return { code, out, err };
}

describe('gatelab ui', () => {
  it('prints the URL with the token, serves it, and stops cleanly', async () => {
    let status = 0;
    const { code, out } = await runUi({ port: '0', open: false }, async (url) => {
      const { port, pathname, search } = new URL(url);
      status = (await get(Number(port), pathname + search)).status;
    });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Gatelab UI: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect([200, 503]).toContain(status);
    expect(out.at(-1)).toBe('Gatelab UI stopped.');
  });

  it('opens the default browser unless --no-open, and fails softly when it cannot', async () => {
    const opened: string[] = [];
    await runUi({ open: true }, undefined, { openBrowser: async (url) => void opened.push(url) });
    expect(opened).toHaveLength(1);
    const { code, err } = await runUi({ open: true }, undefined, {
      openBrowser: () => Promise.reject(new Error('xdg-open: not found')),
    });
    expect(code).toBe(0);
    expect(err.join('\n')).toMatch(/could not open a browser \(xdg-open: not found\); open the URL above yourself/);
    const none: string[] = [];
    await runUi({ open: false }, undefined, { openBrowser: async (url) => void none.push(url) });
    expect(none).toEqual([]);
  });

  it('rejects a bad port (exit 2) and reports a port in use (exit 3)', async () => {
    const bad = await runUi({ port: 'abc', open: false });
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(['gatelab ui: --port: expected an integer from 0 to 65535, got "abc"']);

    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await runUi({ port: String(port), open: false });
      expect(busy.code).toBe(3);
      expect(busy.err.join('\n')).toMatch(new RegExp(`port ${port} is in use`));
    } finally {
      blocker.close();
    }
  });
});
