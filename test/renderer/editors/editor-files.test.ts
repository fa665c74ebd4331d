import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_KEY } from '../../../renderer/store/editor-draft.ts';
import { configDoc, configRaw, editorStore, MemoryStorage } from './support.ts';
import { summary } from '../support/fixtures.ts';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const petstore = () => JSON.parse(readFileSync(join(EXAMPLES, 'petstore.gatelab.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('editor slice: import and export', () => {
  it('importDocument keeps a broken config whole, with every error at its path, and selects it', async () => {
    const { store, storage } = await editorStore();
    const broken = petstore();
    broken.apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit = 'fast';
    broken.apiKeys[0].value = 'short';
    await store.getState().importDocument('broken.gatelab.json', JSON.stringify(broken));
    const s = store.getState();
    expect(s.selectedConfig).toBe('broken.gatelab.json');
    expect(configRaw(store)).toEqual(broken);
    expect(configDoc(store).errors.map((e) => e.pathText)).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit',
      'apiKeys[0].value',
    ]);
    expect(s.editorNotice).toEqual({
      tone: 'error',
      text: 'Opened broken.gatelab.json: 2 errors, shown at their fields.',
    });
    expect(s.editorNav.kind).toBe('config');
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).docs[0].name).toBe('broken.gatelab.json');
  });

  it('importDocument keeps malformed JSON as text, tells scenarios apart, and never overwrites a name', async () => {
    const { store } = await editorStore();
    await store.getState().importDocument('bad.json', '{ "formatVersion": 1,, }');
    expect(configDoc(store).raw).toBe('{ "formatVersion": 1,, }');
    expect(configDoc(store).errors[0]!.message).toMatch(/^malformed JSON at line 1/);
    await store.getState().importDocument('petstore.gatelab.json', JSON.stringify(petstore()));
    expect(store.getState().selectedConfig).toBe('petstore (2).gatelab.json');
    await store.getState().importDocument('x.json', JSON.stringify({ formatVersion: 1, name: 'S', target: {} }));
    expect(store.getState().selectedScenario).toBe('x.scenario.json');
    expect(store.getState().editorNav.kind).toBe('scenario');
  });

  it('openDocument and saveDocument go through the lab (native dialogs); a save ends the draft', async () => {
    const { store, fake, storage } = await editorStore();
    fake.lab.openDocument.mockResolvedValueOnce({ ...configDoc(store), source: '/home/me/mine.gatelab.json' });
    await store.getState().openDocument('config');
    expect(fake.lab.openDocument).toHaveBeenCalledWith('config');
    expect(store.getState().selectedConfig).toBe('mine.gatelab.json');
    store.getState().setField('config', ['name'], 'Mine');
    fake.lab.saveDocument.mockResolvedValueOnce('/home/me/mine.gatelab.json');
    await store.getState().saveDocument('config');
    const [kind, text, name] = fake.lab.saveDocument.mock.calls[0]!;
    expect([kind, name]).toEqual(['config', 'mine.gatelab.json']);
    expect(JSON.parse(text as string).name).toBe('Mine');
    expect(store.getState().editorDirty).toEqual({});
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    expect(store.getState().editorNotice?.text).toBe('Saved to /home/me/mine.gatelab.json.');
  });

  it('saveDocument says why when the host has no dialogs', async () => {
    const { store, fake } = await editorStore();
    fake.lab.saveDocument.mockRejectedValueOnce(new Error('this host has no file dialogs'));
    await store.getState().saveDocument('config');
    expect(store.getState().editorNotice).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('no file dialogs'),
    });
  });

  it('documentFile gives the document as typed for a download; markSaved takes it out of the draft', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', ['name'], 'Renamed');
    const file = store.getState().documentFile('config')!;
    expect(file.fileName).toBe('petstore.gatelab.json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.text).name).toBe('Renamed');
    store.getState().markSaved('config');
    expect(store.getState().editorDirty).toEqual({});
    expect(store.getState().editorPristine['config:petstore.gatelab.json']).toBe(configRaw(store));
  });

  it('exportTestedConfig asks the lab for the last run, and says so when there is none', async () => {
    const { store, fake } = await editorStore();
    expect(await store.getState().exportTestedConfig()).toBeNull();
    expect(store.getState().editorNotice?.text).toMatch(/Run a scenario first/);
    const file = { fileName: 'pet-store.tested.gatelab.json', mimeType: 'application/json', text: '{}' };
    fake.lab.exportRun.mockResolvedValueOnce(file);
    store.setState({ runs: [summary('run-9')] });
    expect(await store.getState().exportTestedConfig()).toEqual(file);
    expect(fake.lab.exportRun).toHaveBeenCalledWith('run-9', 'tested-config-json');
    await store.getState().saveExportedFile(file);
    expect(fake.lab.saveDocument).toHaveBeenCalledWith('config', '{}', 'pet-store.tested.gatelab.json');
  });
});

describe('editor slice: autosaved draft', () => {
  it('saves the draft on every change, in one write, and restores it after a reload', async () => {
    const storage = new MemoryStorage();
    const first = await editorStore(storage);
    first.store
      .getState()
      .setField('config', ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'], 7);
    first.store.getState().flushAutosave();
    expect(storage.writes).toBe(1);
    const saved = JSON.parse(storage.getItem(DRAFT_KEY)!);
    expect(saved.selected).toEqual({ config: 'petstore.gatelab.json', scenario: 'steady.scenario.json' });

    const second = await editorStore(storage);
    const s = second.store.getState();
    expect(s.draftRestored?.names).toEqual(['petstore.gatelab.json']);
    expect(configRaw(second.store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(7);
    await s.flushValidation();
    expect(configDoc(second.store).value?.apis[0]?.stages[0]?.methodSettings?.['*/*']?.throttlingRateLimit).toBe(7);
    second.store.getState().dismissDraftNotice();
    expect(second.store.getState().draftRestored).toBeNull();
  });

  it('discardDraft puts edited examples back, drops unsaved imports and clears the storage', async () => {
    const storage = new MemoryStorage();
    const first = await editorStore(storage);
    first.store.getState().setField('config', ['name'], 'Edited');
    await first.store.getState().importDocument('mine.gatelab.json', JSON.stringify(petstore()));
    first.store.getState().flushAutosave();

    const { store } = await editorStore(storage);
    expect(store.getState().selectedConfig).toBe('mine.gatelab.json');
    store.getState().discardDraft();
    expect(store.getState().configs['mine.gatelab.json']).toBeUndefined();
    expect(store.getState().selectedConfig).toBe('petstore.gatelab.json');
    expect(configRaw(store).name).toBe('Pet store');
    expect(store.getState().editorDirty).toEqual({});
    expect(store.getState().draftRestored).toBeNull();
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('ignores an unreadable draft, and reports a storage that refuses writes', async () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{"version":1,');
    const { store } = await editorStore(storage);
    expect(store.getState().draftRestored).toBeNull();
    storage.fail = true;
    store.getState().setField('config', ['name'], 'x');
    store.getState().flushAutosave();
    expect(store.getState().autosaveError).toBe('The draft could not be saved: quota exceeded');
  });
});
