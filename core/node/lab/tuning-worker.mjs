// The tuning worker's thread: loads the TypeScript entry through tsx, whatever host started the worker
// (the lab's utility process, the browser mode's server, a test runner).
import { tsImport } from 'tsx/esm/api';

await tsImport('./tuning-worker.ts', import.meta.url);
