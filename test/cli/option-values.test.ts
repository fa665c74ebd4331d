import { describe, expect, it } from 'vitest';
import { parsePort, parseSeed, seedOption } from '../../core/cli/option-values.ts';
import { runCli, tempFolder, writeInput } from './helpers.ts';

const config = {
  formatVersion: 1,
  apis: [{ id: 'shop', routes: [{ method: 'GET', path: '/items/{id}' }], stages: [{ name: 'prod' }] }],
};
const scenario = {
  formatVersion: 1,
  name: 'One a second',
  target: { apiId: 'shop', stage: 'prod' },
  phases: [{ durationSeconds: 1, rate: 1 }],
  mix: [{ method: 'GET', path: '/items/1' }],
};

const SEED_PROBLEM = (got: string) => `--seed: expected an integer from 0 to 4294967295, got "${got}"`;
const PORT_PROBLEM = (got: string) => `--port: expected an integer from 0 to 65535, got "${got}"`;

describe('--port and --seed values', () => {
  it('accept digits within range and name the option and the range otherwise', () => {
    expect([parsePort('0'), parsePort('4010'), parsePort('65535')]).toEqual([0, 4010, 65_535]);
    for (const bad of ['65536', '-1', '', ' 80', '8e3', '0x50', '80.0', 'http']) {
      expect(parsePort(bad)).toEqual({ error: PORT_PROBLEM(bad) });
    }
    expect([parseSeed('0'), parseSeed('42'), parseSeed('4294967295')]).toEqual([0, 42, 4_294_967_295]);
    for (const bad of ['-1', '4294967296', '1.5', '1e3', '', 'x']) {
      expect(parseSeed(bad)).toEqual({ error: SEED_PROBLEM(bad) });
    }
    const errors: string[] = [];
    expect([seedOption(undefined, errors), seedOption('7', errors), seedOption('-7', errors)]).toEqual([
      undefined,
      7,
      undefined,
    ]);
    expect(errors).toEqual([SEED_PROBLEM('-7')]);
  });
});

describe('a bad --seed or --port on the command line', () => {
  const folder = tempFolder();
  const configFile = writeInput(folder, 'shop.gatelab.json', config);
  const scenarioFile = writeInput(folder, 'one.scenario.json', scenario);

  it.each([
    ['run', ['run', configFile, '--scenario', scenarioFile, '--seed', '-1'], SEED_PROBLEM('-1')],
    ['compare', ['compare', configFile, configFile, '--scenario', scenarioFile, '--seed', '-1'], SEED_PROBLEM('-1')],
    [
      'recommend',
      ['recommend', configFile, '--scenario', scenarioFile, '--goal', 'throttledRatio<=0.5', '--seed', '-1'],
      SEED_PROBLEM('-1'),
    ],
    [
      'recommend',
      ['recommend', configFile, '--scenario', scenarioFile, '--goal', 'p99<9', '--seed', '2.5'],
      SEED_PROBLEM('2.5'),
    ],
    ['serve', ['serve', configFile, '--port', '70000'], `gatelab serve: ${PORT_PROBLEM('70000')}`],
    ['ui', ['ui', '--no-open', '--port', 'abc'], `gatelab ui: ${PORT_PROBLEM('abc')}`],
  ])('%s exits 2 with one line naming the option', async (_command, argv, line) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([line]);
    expect(run.out).toEqual([]);
  });
});
