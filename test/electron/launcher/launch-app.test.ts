import { describe, expect, it, vi } from 'vitest';
import { launchApp, type LaunchDeps } from '../../../electron/launcher/launch-app.ts';

function deps(overrides: Partial<LaunchDeps> = {}) {
  const lines: string[] = [];
  const d: LaunchDeps = {
    log: (line) => lines.push(line),
    electronBinary: () => '/electron',
    installElectron: vi.fn(async (): Promise<string | null> => 'getaddrinfo ENOTFOUND github.com'),
    noDisplayReason: () => null,
    buildApp: async () => null,
    runElectron: vi.fn(async () => ({ code: 0, startupFailure: null })),
    openBrowserUi: vi.fn(async () => 0),
    ...overrides,
  };
  return { d, lines };
}

describe('npm start: the launcher', () => {
  it('runs Electron when it can, without the browser UI', async () => {
    const { d, lines } = deps();
    expect(await launchApp(d)).toBe(0);
    expect(d.runElectron).toHaveBeenCalledWith('/electron');
    expect(d.openBrowserUi).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('tries to download a missing binary, then falls back to the browser UI with one line saying why', async () => {
    const { d, lines } = deps({ electronBinary: () => null });
    expect(await launchApp(d)).toBe(0);
    expect(d.installElectron).toHaveBeenCalledOnce();
    expect(d.runElectron).not.toHaveBeenCalled();
    expect(d.openBrowserUi).toHaveBeenCalledOnce();
    expect(lines.at(-1)).toBe(
      'Gatelab: Electron is not installed and could not be downloaded (getaddrinfo ENOTFOUND github.com); opening the browser UI instead.',
    );
  });

  it('uses a binary the download brought', async () => {
    let installed = false;
    const { d } = deps({
      electronBinary: () => (installed ? '/fresh/electron' : null),
      installElectron: async () => {
        installed = true;
        return null;
      },
    });
    await launchApp(d);
    expect(d.runElectron).toHaveBeenCalledWith('/fresh/electron');
  });

  it('falls back when there is no display, the build fails, or Electron dies at startup', async () => {
    const noDisplay = deps({ noDisplayReason: () => 'there is no graphical display' });
    await launchApp(noDisplay.d);
    expect(noDisplay.lines).toEqual(['Gatelab: there is no graphical display; opening the browser UI instead.']);
    expect(noDisplay.d.runElectron).not.toHaveBeenCalled();

    const noBuild = deps({ buildApp: async () => 'the Electron shell could not be built' });
    await launchApp(noBuild.d);
    expect(noBuild.d.openBrowserUi).toHaveBeenCalledOnce();

    const crash = deps({
      runElectron: async () => ({ code: 127, startupFailure: 'libnss3.so: cannot open shared object file' }),
    });
    expect(await launchApp(crash.d)).toBe(0);
    expect(crash.lines).toEqual([
      'Gatelab: Electron could not start (libnss3.so: cannot open shared object file); opening the browser UI instead.',
    ]);
  });

  it('passes on the exit code of an app that ran', async () => {
    const { d } = deps({ runElectron: async () => ({ code: 3, startupFailure: null }) });
    expect(await launchApp(d)).toBe(3);
    expect(d.openBrowserUi).not.toHaveBeenCalled();
  });
});
