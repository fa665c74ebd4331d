import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../renderer/store/create-lab-store.ts';
import { fakeLab } from '../support/fake-lab.ts';
import { summary } from '../support/fixtures.ts';

describe('config and scenario slices', () => {
  it('loads every example, opens on the pet store with one of its scenarios, and marks the app ready', async () => {
    const fake = fakeLab();
    fake.lab.listRuns.mockResolvedValueOnce([summary('a'), summary('b')]);
    const store = createLabStore(fake.lab);
    expect(store.getState().appState).toBe('loading');
    await store.getState().initialise();
    const state = store.getState();
    expect(state.appState).toBe('ready');
    expect(Object.keys(state.configs)).toEqual(['petstore.gatelab.json', 'http-api.gatelab.json']);
    expect(Object.keys(state.scenarios)).toHaveLength(3);
    expect(state.selectedConfig).toBe('petstore.gatelab.json');
    expect(state.selectedScenario).toBe('steady.scenario.json');
    expect(state.runs.map((r) => r.runId)).toEqual(['a', 'b']);
    expect(fake.listenerCount).toBe(1);
    state.dispose();
    expect(fake.listenerCount).toBe(0);
  });

  it('switches to a config that defines the API a picked scenario targets', async () => {
    const store = createLabStore(fakeLab().lab);
    await store.getState().initialise();
    store.getState().selectScenario('hello-http.scenario.json');
    expect(store.getState().selectedConfig).toBe('http-api.gatelab.json');
    store.getState().selectScenario('flash-sale.scenario.json');
    expect(store.getState().selectedConfig).toBe('petstore.gatelab.json');
  });

  it('switches to a scenario of a picked config when the selected one targets another API', async () => {
    const store = createLabStore(fakeLab().lab);
    await store.getState().initialise();
    store.getState().selectScenario('flash-sale.scenario.json');
    store.getState().selectConfig('http-api.gatelab.json');
    expect(store.getState().selectedScenario).toBe('hello-http.scenario.json');
    store.getState().selectConfig('petstore.gatelab.json');
    expect(store.getState().selectedScenario).toBe('steady.scenario.json');
  });

  it('says why the app could not load', async () => {
    const fake = fakeLab();
    fake.lab.listExamples.mockRejectedValueOnce(new Error('socket closed'));
    const store = createLabStore(fake.lab);
    await store.getState().initialise();
    expect(store.getState().appState).toBe('error');
    expect(store.getState().loadError).toBe('Could not load the examples: socket closed');
  });

  it('refuses to run a config with errors, and says so', async () => {
    const fake = fakeLab();
    const store = createLabStore(fake.lab);
    await store.getState().initialise();
    const name = store.getState().selectedConfig!;
    const doc = store.getState().configs[name]!;
    store.setState({ configs: { [name]: { ...doc, ok: false, value: null } } });
    await store.getState().startRun();
    expect(fake.lab.startRun).not.toHaveBeenCalled();
    expect(store.getState().runError).toMatch(/config has errors/);
  });
});
