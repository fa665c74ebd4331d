import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/node/lab/helpers.ts';
import { parseBlockYaml } from './block-yaml.ts';

const ROOT = join(import.meta.dirname, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}

function loadConfig(): BuilderConfig {
  return parseBlockYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as unknown as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('parses as the block YAML subset (lists, nested maps, scalars)', () => {
    expect(parseBlockYaml('a:\n  b: 1\n  c:\n    - x\n    - "y"\nd: true\n')).toEqual({
      a: { b: 1, c: ['x', 'y'] },
      d: true,
    });
    expect(() => parseBlockYaml('a: [1, 2\n  oops')).toThrow();
  });

  it('targets AppImage + deb, dmg and nsis', () => {
    const config = loadConfig();
    expect(config).toMatchObject({ appId: 'dev.gatelab.app', productName: 'Gatelab' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs only what the build produces, with main pointing at the bundled main process', async () => {
    const config = loadConfig();
    const outdir = join(tempDir('gatelab-electron-'), 'dist', 'electron');
    const { buildElectron } = (await import(join(ROOT, 'scripts', 'build-electron.mjs'))) as {
      buildElectron(outdir: string): Promise<string[]>;
    };
    const built = (await buildElectron(outdir)).map((file) => join('dist/electron', relative(outdir, file)));
    const vite = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    expect(vite).toMatch(/outDir: '\.\.\/dist\/renderer'/);
    const produced = (glob: string): boolean => {
      const base = glob.replace(/\/?\*\*.*$/, '');
      if (base === 'dist/electron') return built.length === 6;
      if (base === 'dist/renderer') return true;
      return existsSync(join(ROOT, base));
    };
    for (const glob of config.files) expect(produced(glob), glob).toBe(true);
    expect(built).toContain(config.extraMetadata.main);
    expect(config.files.some((glob) => config.extraMetadata.main.startsWith(glob.replace(/\*\*$/, '')))).toBe(true);

    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
  });
});
