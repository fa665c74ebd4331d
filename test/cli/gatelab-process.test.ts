import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { restConfig, specExample } from '../core/engine/config/helpers.ts';
import { tempFolder, writeInput } from './helpers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `node bin/gatelab.mjs …` as a user would. */
function gatelab(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/gatelab.mjs', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

let folder = '';
beforeAll(() => {
  folder = tempFolder();
});

describe('node bin/gatelab.mjs validate', () => {
  it('exits 0 for a valid config', async () => {
    const file = writeInput(folder, 'ok.gatelab.json', specExample());
    expect(await gatelab('validate', file)).toEqual({
      code: 0,
      stdout: `✓ ${file}: valid gatelab config (1 API, 1 stage)\n`,
      stderr: '',
    });
  });

  it.each([
    [
      'malformed JSON',
      'bad.gatelab.json',
      '{\n  "formatVersion": 1\n  "apis": []\n}',
      ':2:21: malformed JSON: missing "," before the next property',
    ],
    ['a missing file', null, null, ': no such file'],
    [
      'a schema violation',
      'limits.gatelab.json',
      restConfig({}, { account: { throttlingRateLimit: -5 } }),
      ': account.throttlingRateLimit: expected -1 or a number ≥ 0, got -5',
    ],
  ])('prints one line and exits 2 for %s, with no stack trace', async (_what, name, content, rest) => {
    const file = name === null ? `${folder}/missing.gatelab.json` : writeInput(folder, name, content);
    const run = await gatelab('validate', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`${file}${rest}`]);
    expect(run.stderr).not.toContain('    at ');
  });

  it('lists every problem of a broken config', async () => {
    const config = restConfig(
      { stages: [{ name: 'prod', deploymentId: 'd9' }, { name: 'prod' }] },
      { apiKeys: [{ id: 'k', value: 'short' }] },
    );
    const file = writeInput(folder, 'many.gatelab.json', config);
    const run = await gatelab('validate', file);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `${file}: apiKeys[0].value: expected at least 20 characters, as AWS requires, got "short"`,
    ]);
    const fixed = writeInput(folder, 'many2.gatelab.json', { ...config, apiKeys: [] });
    const second = await gatelab('validate', fixed);
    expect(second.code).toBe(2);
    expect(lines(second.stderr)).toEqual([
      `${fixed}: apis[0].stages[1].name: duplicate stage name "prod" (first at apis[0].stages[0].name)`,
      `${fixed}: apis[0].stages[0].deploymentId: no deployment "d9" in API "petstore" (deployments: none)`,
    ]);
    expect(second.stderr).not.toContain('    at ');
  });
});

describe('node bin/gatelab.mjs with a bad flag value', () => {
  it('prints one line naming the option and exits 2, with no stack trace', async () => {
    const config = writeInput(folder, 'seeded.gatelab.json', restConfig({ stages: [{ name: 'prod' }] }));
    const scenario = writeInput(folder, 'seeded.scenario.json', {
      formatVersion: 1,
      name: 'One a second',
      target: { apiId: 'petstore', stage: 'prod' },
      phases: [{ durationSeconds: 1, rate: 1 }],
      mix: [{ method: 'GET', path: '/pets/1' }],
    });
    const run = await gatelab('recommend', config, '--scenario', scenario, '--goal', 'p99<9', '--seed', '-1');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['--seed: expected an integer from 0 to 4294967295, got "-1"']);
    expect(run.stderr).not.toContain('    at ');
  });
});
