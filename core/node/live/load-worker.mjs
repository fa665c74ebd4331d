// The load generator's thread: loads the TypeScript entry through tsx, whatever host started the worker
// (the CLI, a test runner, the lab host).
import { tsImport } from 'tsx/esm/api';

await tsImport('./load-worker.ts', import.meta.url);
