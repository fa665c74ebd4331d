import { Worker } from 'node:worker_threads';
import type { LambdaSource } from './lambda-source.ts';

/** Resolved when first needed, so a bundle without module URLs can load this file and pass its own worker. */
const defaultWorkerFile = (): URL => new URL('./lambda-worker.mjs', import.meta.url);

/** What the function's context carries into the worker (its methods are added there). */
export interface InvocationContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  /** Wall-clock ms when the invocation times out, for `getRemainingTimeInMillis()`. */
  deadline: number;
}

/** How one invocation ended: the handler's JSON result, or why there is none. */
export type InvocationResult =
  { ok: true; payload: string } | { ok: false; reason: 'error' | 'timeout' | 'crash'; detail: string };

type WorkerMessage =
  { type: 'ready' } | { id: number; ok: true; payload: string } | { id: number; ok: false; error: string };

interface Pending {
  id: number;
  resolve: (result: InvocationResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One Lambda execution environment: a worker thread that loaded the handler and runs one invocation at a
 * time. A timeout terminates it (Lambda does the same to a timed-out sandbox), and so does a crash.
 */
export class LambdaInstance {
  /** Settles once the handler has been loaded (or has failed to load: the invocation then reports it). */
  readonly ready: Promise<void>;
  dead = false;
  private readonly worker: Worker;
  private pending: Pending | null = null;
  private nextId = 1;
  private markReady!: () => void;

  /** @param workerFile the worker's entry: the one next to this file, or a bundled copy (the Electron app). */
  constructor(source: LambdaSource, workerFile?: string | URL) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.worker = new Worker(workerFile ?? defaultWorkerFile(), { workerData: source, execArgv: [] });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error) => this.die(`the handler crashed: ${error.message}`));
    this.worker.on('exit', (code) => this.die(`the execution environment exited with code ${code}`));
  }

  /** Runs the handler on `event`; at most one invocation at a time. */
  invoke(event: unknown, context: InvocationContext, timeoutMs: number): Promise<InvocationResult> {
    if (this.dead) return Promise.resolve({ ok: false, reason: 'crash', detail: 'the instance is gone' });
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.timeOut(), timeoutMs);
      this.pending = { id, resolve, timer };
      this.worker.postMessage({ id, event, context });
    });
  }

  terminate(): Promise<void> {
    this.dead = true;
    this.markReady();
    return this.worker.terminate().then(() => undefined);
  }

  private onMessage(message: WorkerMessage): void {
    if ('type' in message) return this.markReady();
    const pending = this.pending;
    if (pending === null || pending.id !== message.id) return;
    this.settle(
      message.ok ? { ok: true, payload: message.payload } : { ok: false, reason: 'error', detail: message.error },
    );
  }

  private timeOut(): void {
    this.settle({ ok: false, reason: 'timeout', detail: 'the handler timed out' });
    void this.terminate();
  }

  private die(detail: string): void {
    this.dead = true;
    this.markReady();
    this.settle({ ok: false, reason: 'crash', detail });
  }

  private settle(result: InvocationResult): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(result);
  }
}
