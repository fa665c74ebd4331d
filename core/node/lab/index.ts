/**
 * The lab host (ARCHITECTURE.md "Processes"): the `LabApi` implemented once over core, for Electron's utility
 * process, the browser mode's server and the tests.
 */
export { createLabHost, type LabHost, type LabHostOptions } from './lab-host.ts';
export { dispatchLabCall, type LabReply } from './dispatch.ts';
export { defaultDataDir } from './data-dir.ts';
export { LabError, errorInfo } from './lab-error.ts';
export { noDialogs, type LabDialogs } from './documents.ts';
export { bucketLabel, bucketLabeler } from './bucket-labels.ts';
export { buildTick, type TickInput } from './run-tick.ts';
export {
  systemScheduler,
  type RunDriver,
  type RunDriverFactory,
  type RunDriverInput,
  type RunEnd,
  type Scheduler,
} from './run-driver.ts';
