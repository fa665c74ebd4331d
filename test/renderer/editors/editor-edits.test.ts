import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../renderer/store/editor-history.ts';
import { configDoc, configRaw, editorStore, scenarioRaw } from './support.ts';

const STAR = ['apis', 0, 'stages', 0, 'methodSettings', '*/*'] as const;
const RATE = [...STAR, 'throttlingRateLimit'];

describe('editor slice: field edits', () => {
  it('setField changes the selected config, marks it unsaved and validates it after a pause', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', RATE, 250);
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(250);
    expect(store.getState().editorDirty).toEqual({ 'config:petstore.gatelab.json': true });
    expect(store.getState().editorPending).toEqual({ 'config:petstore.gatelab.json': true });
    await store.getState().flushValidation();
    expect(store.getState().editorPending).toEqual({});
    expect(configDoc(store).value?.apis[0]?.stages[0]?.methodSettings?.['*/*']?.throttlingRateLimit).toBe(250);
  });

  it('setField with a value the schema refuses keeps it, and the error lands at its path', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', RATE, 'fast');
    await store.getState().flushValidation();
    const doc = configDoc(store);
    expect(doc.ok).toBe(false);
    expect(doc.value).toBeNull();
    expect(doc.errors).toContainEqual({
      path: RATE,
      pathText: 'apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit',
      message: 'expected -1 or a number ≥ 0, got "fast"',
    });
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe('fast');
  });

  it('setField undefined removes the key, so the field inherits again', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', RATE, undefined);
    expect('throttlingRateLimit' in configRaw(store).apis[0].stages[0].methodSettings['*/*']).toBe(false);
  });

  it('insertItem, removeItem and moveItem edit arrays', async () => {
    const { store } = await editorStore();
    store.getState().insertItem('scenario', ['phases'], { durationSeconds: 5, rate: 9 });
    expect(scenarioRaw(store).phases.at(-1)).toEqual({ durationSeconds: 5, rate: 9 });
    store.getState().moveItem('scenario', ['phases'], scenarioRaw(store).phases.length - 1, 0);
    expect(scenarioRaw(store).phases[0]).toEqual({ durationSeconds: 5, rate: 9 });
    store.getState().removeItem('scenario', ['phases'], 0);
    expect(scenarioRaw(store).phases[0]).not.toEqual({ durationSeconds: 5, rate: 9 });
    expect(store.getState().editorDirty['scenario:steady.scenario.json']).toBe(true);
  });

  it('renameKey renames a map key in place, and refuses a taken or empty name', async () => {
    const { store } = await editorStore();
    const settings = ['apis', 0, 'stages', 0, 'methodSettings'];
    expect(store.getState().renameKey('config', settings, 'GET /pets/{id}', 'GET /pets')).toBe(true);
    expect(Object.keys(configRaw(store).apis[0].stages[0].methodSettings)).toEqual(['*/*', 'GET /pets']);
    expect(store.getState().renameKey('config', settings, 'GET /pets', '*/*')).toBe(false);
    expect(store.getState().renameKey('config', settings, 'GET /pets', '')).toBe(false);
  });

  it('editRawText takes what the text parses to, keeps text that does not parse, and ignores layout alone', async () => {
    const { store } = await editorStore();
    const key = 'config:petstore.gatelab.json';
    const text = JSON.stringify({ ...configRaw(store), name: 'Renamed' });
    store.getState().editRawText('config', text);
    expect(configRaw(store).name).toBe('Renamed');
    expect(store.getState().editorRawText[key]).toBe(text);
    const steps = store.getState().editorHistories[key]!.past.length;
    store.getState().editRawText('config', JSON.stringify(configRaw(store), null, 4));
    expect(store.getState().editorHistories[key]!.past).toHaveLength(steps);
    store.getState().editRawText('config', '{ "formatVersion": 1, ');
    expect(configDoc(store).raw).toBe('{ "formatVersion": 1, ');
    await store.getState().flushValidation();
    expect(configDoc(store).errors[0]!.message).toMatch(/^malformed JSON at line 1, column \d+/);
    store.getState().setField('config', ['name'], 'x');
    expect(store.getState().editorRawText[key]).toBeUndefined();
  });
});

describe('editor slice: undo and redo', () => {
  it('undoes and redoes edits, revalidating each state', async () => {
    const { store, clock } = await editorStore();
    store.getState().setField('config', RATE, 'fast');
    clock.now += 5000;
    store.getState().setField('config', ['name'], 'Renamed');
    store.getState().undo('config');
    expect(configRaw(store).name).toBe('Pet store');
    store.getState().undo('config');
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(100);
    await store.getState().flushValidation();
    expect(configDoc(store).ok).toBe(true);
    store.getState().redo('config');
    store.getState().redo('config');
    expect(configRaw(store).name).toBe('Renamed');
    await store.getState().flushValidation();
    expect(configDoc(store).ok).toBe(false);
    store.getState().redo('config');
    expect(configRaw(store).name).toBe('Renamed');
  });

  it('coalesces rapid typing in one field into one step', async () => {
    const { store, clock } = await editorStore();
    for (const text of ['3', '30', '300']) {
      store.getState().setField('config', RATE, Number(text));
      clock.now += 150;
    }
    store.getState().undo('config');
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(100);
  });

  it('keeps a history per document and bounds it', async () => {
    const { store, clock } = await editorStore();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      store.getState().setField('config', ['name'], `n${i}`);
      clock.now += 5000;
    }
    store.getState().setField('scenario', ['seed'], 5);
    expect(store.getState().editorHistories['config:petstore.gatelab.json']!.past).toHaveLength(HISTORY_LIMIT);
    store.getState().undo('scenario');
    expect(scenarioRaw(store).seed).toBe(7);
    expect(configRaw(store).name).toBe(`n${HISTORY_LIMIT + 19}`);
  });

  it('a new edit after undo drops the redo steps', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', ['name'], 'A');
    store.getState().undo('config');
    store.getState().setField('config', ['description'], 'B');
    store.getState().redo('config');
    expect(configRaw(store).name).toBe('Pet store');
  });
});

describe('editor slice: navigation', () => {
  it('navigate moves between sections; focusProblem opens the section holding the field', async () => {
    const { store } = await editorStore();
    store.getState().navigate({ kind: 'scenario' });
    expect(store.getState().editorNav.kind).toBe('scenario');
    store.getState().focusProblem('config', ['apis', 0, 'stages', 1, 'variables']);
    expect(store.getState().editorNav).toMatchObject({
      kind: 'config',
      configSection: 'stages',
      api: 0,
      stage: 1,
      focus: ['apis', 0, 'stages', 1, 'variables'],
    });
    store.getState().focusProblem('config', ['usagePlans', 0, 'quota']);
    expect(store.getState().editorNav.configSection).toBe('plans');
    store.getState().focusProblem('config', []);
    expect(store.getState().editorNav.configSection).toBe('raw');
    store.getState().clearFocus();
    expect(store.getState().editorNav.focus).toBeNull();
  });
});
