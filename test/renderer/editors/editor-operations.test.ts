import { describe, expect, it } from 'vitest';
import { configDoc, configRaw, editorStore } from './support.ts';

describe('editor slice: deploy and promote', () => {
  it('deploy creates a deployment through the lab from the config as last typed, as one undo step', async () => {
    const { store, fake } = await editorStore();
    store.getState().setField('config', ['apis', 0, 'routes', 0, 'integration', 'statusCode'], 202);
    expect(await store.getState().deploy(0, 'v3', ['prod'])).toBe(true);
    const [sent, apiId, description, stages] = fake.lab.deploy.mock.calls[0]!;
    expect(
      (sent as { apis: Array<{ routes: Array<{ integration: { statusCode: number } }> }> }).apis[0]!.routes[0]!
        .integration.statusCode,
    ).toBe(202);
    expect([apiId, description, stages]).toEqual(['petstore', 'v3', ['prod']]);
    const raw = configRaw(store);
    expect(raw.apis[0].deployments.map((d: { id: string }) => d.id)).toEqual(['d1', 'd2', 'd3']);
    expect(raw.apis[0].deployments[2].createdAt).toBe('2026-04-01T12:00:00.000Z');
    expect(raw.apis[0].stages[0].deploymentId).toBe('d3');
    expect(configDoc(store).value?.apis[0]?.stages[0]?.deploymentId).toBe('d3');
    expect(store.getState().editorPending).toEqual({});
    expect(store.getState().editorNotice).toEqual({ tone: 'info', text: 'Deployed d3 to prod.' });
    store.getState().undo('config');
    expect(configRaw(store).apis[0].deployments).toHaveLength(2);
    expect(configRaw(store).apis[0].routes[0].integration.statusCode).toBe(202);
  });

  it('promoteCanary moves the canary into the stage', async () => {
    const { store } = await editorStore();
    expect(await store.getState().promoteCanary(0, 'prod')).toBe(true);
    const stage = configRaw(store).apis[0].stages[0];
    expect(stage.deploymentId).toBe('d2');
    expect(stage.canarySettings.percentTraffic).toBe(0);
    expect(stage.variables).toEqual({ color: 'green' });
    expect(store.getState().editorNotice?.text).toBe('Promoted the canary of stage prod.');
    expect(store.getState().editorBusy).toBeNull();
  });

  it('says why an operation failed and leaves the config as it was', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'], 'x');
    expect(await store.getState().deploy(0, '', [])).toBe(false);
    expect(store.getState().editorNotice).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/^Deploy failed: the config has errors/),
    });
    expect(configRaw(store).apis[0].deployments).toHaveLength(2);
    expect(await store.getState().promoteCanary(5, 'prod')).toBe(false);
    expect(store.getState().editorNotice?.text).toBe('Promote: the API needs an id first.');
  });
});

describe('editor slice: runs use the config as typed', () => {
  it('startRun waits for the pending validation, so the run gets the last keystroke', async () => {
    const { store, fake } = await editorStore();
    store.getState().setField('config', ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'], 3);
    await store.getState().startRun();
    const request = fake.lab.startRun.mock.calls[0]![0];
    expect(request.config.apis[0]?.stages[0]?.methodSettings?.['*/*']?.throttlingRateLimit).toBe(3);
  });

  it('dismissEditorNotice clears the message', async () => {
    const { store } = await editorStore();
    await store.getState().promoteCanary(0, 'prod');
    store.getState().dismissEditorNotice();
    expect(store.getState().editorNotice).toBeNull();
  });
});
