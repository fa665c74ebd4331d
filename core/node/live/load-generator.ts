import { Worker } from 'node:worker_threads';
import type { LiveFact, LoadDone, LoadWorkerData, MainMessage, WorkerMessage } from './live-protocol.ts';

/** Resolved when first needed, so a bundle without module URLs can load this file and pass its own worker. */
const defaultWorkerFile = (): URL => new URL('./load-worker.mjs', import.meta.url);

/** What the runner does with the generator's messages; each is handled after the previous one has finished. */
export interface LoadHandlers {
  started(startEpochMs: number): void;
  facts(facts: LiveFact[], skipped: number[]): void;
  /** Every response that finished before the end of `second` has been handed over. */
  second(second: number): void | Promise<void>;
}

/**
 * The load generator in its own worker thread, so it never competes with an in-process gateway for the
 * event loop. Its messages are handled strictly in order, even when closing a second has to wait (a
 * `--target`'s bucket levels come over HTTP).
 */
export class LoadGenerator {
  /** Settles once the load has ended and every message before the end has been handled. */
  readonly done: Promise<LoadDone>;
  private readonly worker: Worker;
  private chain: Promise<void> = Promise.resolve();
  private finished = false;
  private settle!: (outcome: LoadDone | Error) => void;

  /** @param workerFile the worker's entry: the tsx shim next to this file, or a bundled one (the Electron app). */
  constructor(data: LoadWorkerData, handlers: LoadHandlers, workerFile?: string | URL) {
    this.worker = new Worker(workerFile ?? defaultWorkerFile(), { workerData: data, execArgv: [] });
    this.done = new Promise<LoadDone>((resolve, reject) => {
      const settle = (this.settle = (outcome: LoadDone | Error): void => {
        if (this.finished) return;
        this.finished = true;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      });
      const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
      this.worker.on('message', (message: WorkerMessage) => {
        this.chain = this.chain
          .then(async () => {
            if (this.finished) return;
            if (message.type === 'started') handlers.started(message.startEpochMs);
            else if (message.type === 'facts') handlers.facts(message.facts, message.skipped);
            else if (message.type === 'second') await handlers.second(message.second);
            else if (message.type === 'failed') settle(new Error(`the load generator failed: ${message.message}`));
            else settle(message);
          })
          .catch((error: unknown) => settle(asError(error)));
      });
      // Queued behind the messages already received, so a normal exit right after `done` changes nothing.
      this.worker.on('error', (error) => {
        this.chain = this.chain.then(() => settle(new Error(`the load generator crashed: ${error.message}`)));
      });
      this.worker.on('exit', (code) => {
        this.chain = this.chain.then(() => settle(new Error(`the load generator exited early (code ${code})`)));
      });
    });
  }

  /** Asks the generator to stop sending; `done` still settles with what was answered. */
  stop(): void {
    if (!this.finished) this.worker.postMessage({ type: 'stop' } satisfies MainMessage);
  }

  /** Gives up on a generator that no longer answers: `done` rejects with `reason`. */
  async kill(reason: string): Promise<void> {
    this.settle(new Error(reason));
    await this.worker.terminate();
  }

  async terminate(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }
}
