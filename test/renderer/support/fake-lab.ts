import { vi } from 'vitest';
import type { LabApi, LabEvent } from '../../../core/contract/lab-api.ts';
import { EXAMPLE_INFOS, loadedExample } from './fixtures.ts';

/** A `LabApi` whose every method is a typed spy, serving the example fixtures; `emit` pushes lab events. */
export function fakeLab() {
  const listeners = new Set<(event: LabEvent) => void>();
  const lab = {
    listExamples: vi.fn<LabApi['listExamples']>(async () => EXAMPLE_INFOS),
    loadExample: vi.fn<LabApi['loadExample']>(async (name) => loadedExample(name)),
    validateConfig: vi.fn<LabApi['validateConfig']>(),
    validateScenario: vi.fn<LabApi['validateScenario']>(),
    saveDocument: vi.fn<LabApi['saveDocument']>(async () => null),
    openDocument: vi.fn<LabApi['openDocument']>(async () => null),
    startRun: vi.fn<LabApi['startRun']>(async () => ({ runId: 'run-1' })),
    stopRun: vi.fn<LabApi['stopRun']>(async () => undefined),
    setPlaybackSpeed: vi.fn<LabApi['setPlaybackSpeed']>(async () => undefined),
    listRuns: vi.fn<LabApi['listRuns']>(async () => []),
    getReport: vi.fn<LabApi['getReport']>(async () => null),
    exportRun: vi.fn<LabApi['exportRun']>(),
    deploy: vi.fn<LabApi['deploy']>(),
    promoteCanary: vi.fn<LabApi['promoteCanary']>(),
    applyConfig: vi.fn<LabApi['applyConfig']>(),
    renameRun: vi.fn<LabApi['renameRun']>(),
    deleteRun: vi.fn<LabApi['deleteRun']>(async () => undefined),
    openRun: vi.fn<LabApi['openRun']>(),
    compareRuns: vi.fn<LabApi['compareRuns']>(),
    whatIf: vi.fn<LabApi['whatIf']>(),
    recommend: vi.fn<LabApi['recommend']>(),
    onEvent: vi.fn<LabApi['onEvent']>((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  } satisfies LabApi;
  return {
    lab,
    emit(event: LabEvent) {
      for (const listener of listeners) listener(event);
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
