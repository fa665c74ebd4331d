import { beforeAll, describe, expect, it } from 'vitest';
import { restConfig, specExample } from '../../core/engine/config/helpers.ts';
import { runCli, tempFolder, writeInput } from '../helpers.ts';

let folder = '';
const scenario = {
  formatVersion: 1,
  name: 'Flash sale',
  target: { apiId: 'petstore', stage: 'prod' },
  phases: [
    { durationSeconds: 30, rate: 50 },
    { durationSeconds: 5, rate: 2000 },
  ],
  mix: [{ method: 'GET', path: '/pets/{id}', params: { id: { uniform: { min: 1, max: 9 } } } }],
};

beforeAll(() => {
  folder = tempFolder();
});

describe('gatelab validate (in process)', () => {
  it('accepts a valid config and says how much it holds', async () => {
    const file = writeInput(folder, 'petstore.gatelab.json', specExample());
    expect(await runCli('validate', file)).toEqual({
      code: 0,
      out: [`✓ ${file}: valid gatelab config (1 API, 1 stage)`],
      err: [],
    });
  });

  it('lists every problem, each prefixed with the file, and exits 2', async () => {
    const config = restConfig({
      protocol: 'SOAP',
      stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 'fast' } } }],
    });
    const file = writeInput(folder, 'broken.gatelab.json', config);
    expect(await runCli('validate', file)).toEqual({
      code: 2,
      out: [],
      err: [
        `${file}: apis[0].protocol: expected one of "REST", "HTTP", got "SOAP"`,
        `${file}: apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit: expected -1 or a number ≥ 0, got "fast"`,
      ],
    });
  });

  it('prints lint warnings without failing', async () => {
    const config = restConfig({ stages: [{ name: 'prod', methodSettings: { '*/*': { cacheTtlInSeconds: 9000 } } }] });
    const file = writeInput(folder, 'ttl.gatelab.json', config);
    expect(await runCli('validate', file)).toEqual({
      code: 0,
      out: [`✓ ${file}: valid gatelab config (1 API, 1 stage)`],
      err: [
        `${file}: warning: apis[0].stages[0].methodSettings["*/*"].cacheTtlInSeconds: above 3600, the most AWS allows; 3600 is used — see README#the-stage-cache-rest`,
      ],
    });
  });

  it('tells a config from a scenario by content when the suffix says nothing', async () => {
    const configFile = writeInput(folder, 'plain-config.json', restConfig({ stages: [{ name: 'a' }, { name: 'b' }] }));
    const scenarioFile = writeInput(folder, 'plain-scenario.json', scenario);
    const other = writeInput(folder, 'other.json', { hello: 'world' });
    expect((await runCli('validate', configFile)).out).toEqual([
      `✓ ${configFile}: valid gatelab config (1 API, 2 stages)`,
    ]);
    expect((await runCli('validate', scenarioFile)).out).toEqual([
      `✓ ${scenarioFile}: valid gatelab scenario (2 phases, 35 s)`,
    ]);
    expect(await runCli('validate', other)).toEqual({
      code: 2,
      out: [],
      err: [`${other}: neither a gatelab config (no "apis") nor a scenario (no "phases", "concurrency" or "trace")`],
    });
  });

  it('reads a *.scenario.json file as a scenario whatever it holds', async () => {
    const file = writeInput(folder, 'odd.scenario.json', restConfig());
    const run = await runCli('validate', file);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${file}: apis: unknown key`);
  });

  it('with --scenario, checks the scenario too and that its target exists in the config', async () => {
    const configFile = writeInput(folder, 'target.gatelab.json', specExample());
    const good = writeInput(folder, 'good.scenario.json', scenario);
    const bad = writeInput(folder, 'bad.scenario.json', { ...scenario, target: { apiId: 'petstore', stage: 'dev' } });
    expect(await runCli('validate', configFile, '--scenario', good)).toEqual({
      code: 0,
      out: [
        `✓ ${configFile}: valid gatelab config (1 API, 1 stage)`,
        `✓ ${good}: valid gatelab scenario (2 phases, 35 s)`,
      ],
      // The linter sees the scenario's 2,000 requests/s spike; warnings don't change the exit code.
      err: [
        `${configFile}: warning: apis[0].stages[0].methodSettings["GET /pets/{id}"].throttlingBurstLimit: burst 40 is below the scenario's expected peak of 2,000 requests/s through stage:petstore/prod:GET /pets/{id}: the peak empties it in about 0.02 s, then only 20/s get through, so expect 429s — see README#token-buckets`,
      ],
    });
    expect(await runCli('validate', configFile, '--scenario', bad)).toEqual({
      code: 2,
      out: [`✓ ${configFile}: valid gatelab config (1 API, 1 stage)`],
      err: [`${bad}: target.stage: no stage "dev" in API "petstore" (stages: prod)`],
    });
  });

  it('reports a missing file, a folder and malformed JSON in one line each', async () => {
    const missing = `${folder}/nope.gatelab.json`;
    expect(await runCli('validate', missing)).toEqual({ code: 2, out: [], err: [`${missing}: no such file`] });
    expect(await runCli('validate', folder)).toEqual({
      code: 2,
      out: [],
      err: [`${folder}: is a folder, expected a JSON file`],
    });
    const malformed = writeInput(folder, 'malformed.gatelab.json', '{\n  "formatVersion": 1,\n  "apis": [],\n}\n');
    expect(await runCli('validate', malformed)).toEqual({
      code: 2,
      out: [],
      err: [`${malformed}:3:13: malformed JSON: trailing comma before "}"`],
    });
  });
});
