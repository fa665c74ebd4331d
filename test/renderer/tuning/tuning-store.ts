import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { fakeLab } from '../support/fake-lab.ts';

export const PETSTORE = 'petstore.gatelab.json';

/** A store over a fake lab that validates whatever it is given, with no draft storage and no debounce. */
export async function tuningStore(): Promise<{ fake: ReturnType<typeof fakeLab>; store: LabStore }> {
  const fake = fakeLab();
  fake.lab.validateConfig.mockImplementation(async (data) => ({
    kind: 'config',
    source: null,
    raw: data,
    ok: true,
    value: data as never,
    errors: [],
    warnings: [],
  }));
  const store = createLabStore(fake.lab, { storage: null, validateDelayMs: 0, autosaveDelayMs: 0 });
  await store.getState().initialise();
  return { fake, store };
}
