import { deployDocument, promoteDocument } from '../../../core/node/lab/config-operations.ts';
import { validateConfigDocument, validateScenarioDocument } from '../../../core/node/lab/validate-document.ts';
import type { DraftStorage } from '../../../renderer/store/editor-draft.ts';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { fakeLab } from '../support/fake-lab.ts';

/** A `localStorage` stand-in that counts writes and can be told to refuse them. */
export class MemoryStorage implements DraftStorage {
  items = new Map<string, string>();
  writes = 0;
  fail = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.fail) throw new Error('quota exceeded');
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A fake lab that validates, deploys and promotes with the lab host's real code, as over the wire. */
export function editorLab() {
  const fake = fakeLab();
  const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  fake.lab.validateConfig.mockImplementation(async (data) => wire(validateConfigDocument(data, null)));
  fake.lab.validateScenario.mockImplementation(async (data) => wire(validateScenarioDocument(data, null)));
  fake.lab.deploy.mockImplementation(async (config, apiId, description, stages) =>
    wire(deployDocument(config, apiId, description, stages, '2026-04-01T12:00:00.000Z')),
  );
  fake.lab.promoteCanary.mockImplementation(async (config, apiId, stage) =>
    wire(promoteDocument(config, apiId, stage)),
  );
  return fake;
}

export interface EditorHarness {
  fake: ReturnType<typeof editorLab>;
  store: LabStore;
  storage: MemoryStorage;
  clock: { now: number };
}

/** A ready store on the examples (pet store and steady selected), with a memory draft storage and a manual clock. */
export async function editorStore(storage = new MemoryStorage()): Promise<EditorHarness> {
  const fake = editorLab();
  const clock = { now: 1_000_000 };
  const store = createLabStore(fake.lab, {
    storage,
    now: () => clock.now,
    validateDelayMs: 5,
    autosaveDelayMs: 5,
  });
  await store.getState().initialise();
  return { fake, store, storage, clock };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The selected config's raw JSON. */
export const configRaw = (store: LabStore): Json =>
  store.getState().configs[store.getState().selectedConfig!]!.raw as Json;

/** The selected scenario's raw JSON. */
export const scenarioRaw = (store: LabStore): Json =>
  store.getState().scenarios[store.getState().selectedScenario!]!.raw as Json;

/** The selected config's document. */
export const configDoc = (store: LabStore) => store.getState().configs[store.getState().selectedConfig!]!;
