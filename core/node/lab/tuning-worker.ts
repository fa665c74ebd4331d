import { parentPort, workerData } from 'node:worker_threads';
import { runTuningJob, type TuningJob } from './tuning-jobs.ts';
import type { WorkerMessage } from './tuning-runner.ts';

/**
 * Runs one what-if or recommendation off the lab's event loop: many virtual runs back to back would otherwise
 * hold up every other call and the dashboard's ticks for seconds.
 */
const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);
let evaluations = 0;
try {
  const output = runTuningJob(workerData as TuningJob, (point) =>
    post({ type: 'point', evaluations: ++evaluations, point }),
  );
  post({ type: 'done', output });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
