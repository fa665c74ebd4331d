import { Worker } from 'node:worker_threads';
import type { CurvePoint } from '../../engine/tuning/recommend.ts';
import { runTuningJob, type TuningJob, type TuningOutput } from './tuning-jobs.ts';

/** Tuning worker → lab host. */
export type WorkerMessage =
  | { type: 'point'; evaluations: number; point: CurvePoint }
  | { type: 'done'; output: TuningOutput }
  | { type: 'failed'; message: string };

/** Runs tuning jobs (what-ifs, recommendations) away from the lab's event loop. */
export interface TuningRunner {
  run(job: TuningJob, onPoint: (evaluations: number, point: CurvePoint) => void): Promise<TuningOutput>;
  /** Ends every job in progress; their promises reject. */
  close(): Promise<void>;
}

/** Runs a job on the calling thread: the fallback where no worker can start, and for tests that want no thread. */
export function runInline(
  job: TuningJob,
  onPoint: (evaluations: number, point: CurvePoint) => void,
): Promise<TuningOutput> {
  return new Promise((resolve) => {
    let evaluations = 0;
    resolve(runTuningJob(job, (point) => onPoint(++evaluations, point)));
  });
}

/** The worker's entry, resolved when first needed: a bundle without module URLs then falls back instead of failing to load. */
function workerFile(): URL {
  return new URL('./tuning-worker.mjs', import.meta.url);
}

/**
 * One `worker_threads` worker per job: a recommendation is dozens of whole virtual runs, which would block the
 * lab (its calls, the dashboard's ticks) for seconds. A worker that can't be created degrades to running inline.
 * `file` is the worker's entry where it is not next to this source (the Electron app's bundled copy).
 */
export function workerTuningRunner(file?: string | URL): TuningRunner {
  const workers = new Set<Worker>();
  return {
    run(job, onPoint) {
      let worker: Worker;
      try {
        worker = new Worker(file ?? workerFile(), { workerData: job, execArgv: [] });
      } catch {
        return runInline(job, onPoint);
      }
      workers.add(worker);
      return new Promise<TuningOutput>((resolve, reject) => {
        let settled = false;
        const settle = (outcome: TuningOutput | Error): void => {
          if (settled) return;
          settled = true;
          workers.delete(worker);
          void worker.terminate();
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        };
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'point') onPoint(message.evaluations, message.point);
          else if (message.type === 'done') settle(message.output);
          else settle(new Error(message.message));
        });
        worker.on('error', (error) => settle(new Error(`the tuning worker crashed: ${error.message}`)));
        worker.on('exit', () => settle(new Error('the tuning worker stopped before it finished')));
      });
    },
    async close() {
      await Promise.all([...workers].map((worker) => worker.terminate()));
      workers.clear();
    },
  };
}
