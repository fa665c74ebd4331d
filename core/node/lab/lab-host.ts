import { join } from 'node:path';
import type { LabApi, LabEvent, RunMode } from '../../contract/lab-api.ts';
import type { PriceTable } from '../../engine/cost/index.ts';
import { deployDocument, promoteDocument } from './config-operations.ts';
import { noDialogs, openDocument, saveDocument, type LabDialogs } from './documents.ts';
import { listExamples, loadExample } from './examples.ts';
import { LabRuns } from './lab-runs.ts';
import { createLiveDriver } from './live-driver.ts';
import { systemScheduler, type RunDriverFactory, type Scheduler } from './run-driver.ts';
import { RunHistory } from './run-history.ts';
import { createTuningApi } from './tuning-host.ts';
import { workerTuningRunner, type TuningRunner } from './tuning-runner.ts';
import { validateConfigDocument, validateScenarioDocument } from './validate-document.ts';
import { createVirtualDriver } from './virtual-driver.ts';

export interface LabHostOptions {
  /** The folder of example configs and scenarios (the package's `examples/`). */
  examplesDir: string;
  /** The app's data folder; the run history lives in its `runs/` folder. */
  dataDir: string;
  /** Native file dialogs (Electron); without them `saveDocument` and `openDocument` reject with `unsupported`. */
  dialogs?: LabDialogs;
  /** Run drivers by mode; virtual and live runs by default. */
  drivers?: Partial<Record<RunMode, RunDriverFactory>>;
  /** Wall-clock time and timers for pacing runs (tests inject a manual one). */
  scheduler?: Scheduler;
  /** The wall-clock date Deploy stamps on a deployment's `createdAt` (tests inject a fixed one). */
  now?: () => Date;
  /** Where warnings go, such as a run history file that couldn't be read. */
  warn?: (message: string) => void;
  /** Runs what-ifs and recommendations: a worker thread per job by default. */
  tuningRunner?: TuningRunner;
  /** Where the default live driver's and tuning runner's workers are: a bundled app's copies; next to the source by default. */
  workerFiles?: LabWorkerFiles;
  /** The price table for run cost estimates; the bundled us-east-1 one by default. */
  pricesFile?: string;
}

/**
 * The price table, loaded once. Its module is imported when needed: it resolves the bundled table's path from its
 * own URL, which a bundle without module URLs doesn't have; there the lab runs on without cost estimates.
 */
async function loadPrices(file: string | undefined, warn: (message: string) => void): Promise<PriceTable | null> {
  try {
    const { loadPriceTable } = await import('../report/load-prices.ts');
    const loaded = await loadPriceTable(file);
    if (loaded.ok) return loaded.prices;
    warn(`runs have no cost estimate: ${loaded.errors.join('; ')}`);
  } catch (error) {
    warn(`runs have no cost estimate: cannot load the price table (${(error as Error).message})`);
  }
  return null;
}

/** The worker entries a lab host starts (ESM files); each defaults to the one next to its source, run through tsx. */
export interface LabWorkerFiles {
  /** The live load generator. */
  load?: string;
  /** A LAMBDA integration's execution environment. */
  lambda?: string;
  /** What-ifs and recommendations. */
  tuning?: string;
}

/** The lab host: the `LabApi` over core, plus `close`, which stops every run and waits for its report to be saved. */
export type LabHost = LabApi & { close(): Promise<void> };

/**
 * Creates the lab host that every shell (Electron's utility process, the browser mode's server, the tests) puts
 * behind its transport. The run history is read in the background; every call waits for it.
 */
export function createLabHost(options: LabHostOptions): LabHost {
  const warn = options.warn ?? ((message: string) => console.warn(`gatelab: ${message}`));
  const dialogs = options.dialogs ?? noDialogs;
  const listeners = new Set<(event: LabEvent) => void>();
  const emit = (event: LabEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        warn(`a lab event listener failed: ${(error as Error).message}`);
      }
    }
  };
  const workers = options.workerFiles ?? {};
  const history = new RunHistory(join(options.dataDir, 'runs'), warn);
  let prices: PriceTable | null = null;
  const pricesLoaded = loadPrices(options.pricesFile, warn).then((loaded) => void (prices = loaded));
  const ready = Promise.all([history.load(), pricesLoaded]).then(() => undefined);
  const runs = new LabRuns({
    history,
    drivers: options.drivers ?? {
      virtual: createVirtualDriver,
      live: createLiveDriver({ loadWorkerFile: workers.load, lambdaWorkerFile: workers.lambda }),
    },
    scheduler: options.scheduler ?? systemScheduler,
    emit,
    warn,
    prices: () => prices,
  });
  const tuningRunner = options.tuningRunner ?? workerTuningRunner(workers.tuning);
  const tuning = createTuningApi({ runs, history, runner: tuningRunner, emit, ready });
  const afterLoad = async <T>(work: () => T | Promise<T>): Promise<T> => {
    await ready;
    return work();
  };

  return {
    listExamples: () => listExamples(options.examplesDir),
    loadExample: (name) => loadExample(options.examplesDir, name),
    validateConfig: async (data) => validateConfigDocument(data, null),
    validateScenario: async (data) => validateScenarioDocument(data, null),
    saveDocument: (kind, value, suggestedName) => saveDocument(dialogs, kind, value, suggestedName),
    openDocument: (kind) => openDocument(dialogs, kind),
    startRun: (request) => afterLoad(() => runs.start(request)),
    stopRun: (runId) => afterLoad(() => runs.stop(runId)),
    setPlaybackSpeed: (runId, speed) => afterLoad(() => runs.setSpeed(runId, speed)),
    listRuns: () => afterLoad(() => runs.list()),
    getReport: (runId) => afterLoad(() => runs.report(runId)),
    exportRun: (runId, format) => afterLoad(() => runs.export(runId, format)),
    deploy: async (config, apiId, description, stages) =>
      deployDocument(config, apiId, description, stages, (options.now?.() ?? new Date()).toISOString()),
    promoteCanary: async (config, apiId, stage) => promoteDocument(config, apiId, stage),
    ...tuning,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await ready;
      await Promise.all([runs.close(), tuningRunner.close()]);
      listeners.clear();
    },
  };
}
