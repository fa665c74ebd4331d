import { describe, expect, it } from 'vitest';
import { dispatchLabCall } from '../../../../core/node/lab/dispatch.ts';
import { createLabHost } from '../../../../core/node/lab/lab-host.ts';
import { EXAMPLES_DIR, example, tempDir } from './helpers.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NOW = new Date('2026-04-01T12:00:00.000Z');
const host = () => createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), now: () => NOW });

describe('lab host: deploy', () => {
  it('snapshots the working routes into a new deployment stamped with the host clock, and moves the stages', async () => {
    const config = example<Json>('petstore.gatelab.json');
    config.apis[0].routes[0].integration.body = '{"version":"v3"}';
    const result = await host().deploy(config, 'petstore', 'v3: new body', ['prod']);
    expect(result.deploymentId).toBe('d3');
    expect(result.document).toMatchObject({ kind: 'config', ok: true, errors: [] });
    const raw = result.document.raw as Json;
    const deployments = raw.apis[0].deployments;
    expect(deployments).toHaveLength(3);
    expect(deployments[2]).toEqual({
      id: 'd3',
      description: 'v3: new body',
      createdAt: '2026-04-01T12:00:00.000Z',
      routes: config.apis[0].routes,
    });
    expect(raw.apis[0].stages[0].deploymentId).toBe('d3');
    expect(raw.apis[0].stages[1].deploymentId).toBeUndefined();
    expect(result.document.value?.apis[0]?.stages[0]?.deploymentId).toBe('d3');
  });

  it('keeps the document as written: extension keys, unset defaults, and the input untouched', async () => {
    const config = example<Json>('petstore.gatelab.json');
    const before = structuredClone(config);
    config['x-note'] = 'mine';
    delete config.account;
    const result = await host().deploy(config, 'petstore', '', []);
    const raw = result.document.raw as Json;
    expect(raw['$schema']).toBe(before['$schema']);
    expect(raw['x-note']).toBe('mine');
    expect(raw.account).toBeUndefined();
    expect(raw.apis[0].deployments[2].description).toBeUndefined();
    expect(raw.apis[0].stages[0].deploymentId).toBe('d1');
    expect(config.apis[0].deployments).toHaveLength(2);
  });

  it('deploys an API written without deployments, from JSON text', async () => {
    const text = JSON.stringify({
      formatVersion: 1,
      apis: [{ id: 'hello', protocol: 'HTTP', routes: [{ path: '$default' }], stages: [{ name: '$default' }] }],
    });
    const result = await host().deploy(text, 'hello', 'first', ['$default']);
    const raw = result.document.raw as Json;
    expect(result.deploymentId).toBe('d1');
    expect(raw.apis[0].deployments).toEqual([
      { id: 'd1', description: 'first', createdAt: NOW.toISOString(), routes: [{ path: '$default' }] },
    ]);
    expect(raw.apis[0].stages[0].deploymentId).toBe('d1');
  });

  it('refuses an invalid config with every problem at its path, and unknown names with an operation error', async () => {
    const config = example<Json>('petstore.gatelab.json');
    config.apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit = 'fast';
    await expect(host().deploy(config, 'petstore', '', [])).rejects.toMatchObject({
      code: 'GATELAB_E_BAD_INPUT',
      message: expect.stringContaining('apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit: expected -1'),
    });
    const valid = example<Json>('petstore.gatelab.json');
    await expect(host().deploy(valid, 'nope', '', [])).rejects.toMatchObject({
      code: 'GATELAB_E_OPERATION',
      message: 'no API "nope"',
    });
    await expect(host().deploy(valid, 'petstore', '', ['qa'])).rejects.toMatchObject({
      code: 'GATELAB_E_OPERATION',
      message: 'no stage "qa" in API "petstore"',
    });
  });
});

describe('lab host: promote a canary', () => {
  it("moves the canary's deployment and overrides into the stage and drops its traffic to 0", async () => {
    const config = example<Json>('petstore.gatelab.json');
    const result = await host().promoteCanary(config, 'petstore', 'prod');
    const stage = (result.document.raw as Json).apis[0].stages[0];
    expect(result.document.ok).toBe(true);
    expect(result.deploymentId).toBeUndefined();
    expect(stage.deploymentId).toBe('d2');
    expect(stage.variables).toEqual({ color: 'green' });
    expect(stage.canarySettings).toEqual({
      deploymentId: 'd2',
      percentTraffic: 0,
      stageVariableOverrides: { color: 'green' },
      useStageCache: false,
    });
    expect(config.apis[0].stages[0].deploymentId).toBe('d1');
  });

  it('refuses a stage without a canary', async () => {
    const config = example<Json>('petstore.gatelab.json');
    await expect(host().promoteCanary(config, 'petstore', 'dev')).rejects.toMatchObject({
      code: 'GATELAB_E_OPERATION',
      message: 'stage "dev" of API "petstore" has no canary to promote',
    });
  });

  it('is reachable through the transport checks, which refuse bad argument shapes', async () => {
    const lab = host();
    const config = example<Json>('petstore.gatelab.json');
    const reply = await dispatchLabCall(lab, 'promoteCanary', [config, 'petstore', 'prod']);
    expect(reply).toMatchObject({ ok: true });
    expect(await dispatchLabCall(lab, 'deploy', [config, 'petstore', 'x', 'prod'])).toMatchObject({
      ok: false,
      error: { code: 'GATELAB_E_BAD_ARGS' },
    });
    expect(await dispatchLabCall(lab, 'deploy', [config, 'petstore', 'x'])).toMatchObject({
      error: { code: 'GATELAB_E_BAD_ARGS' },
    });
  });
});
