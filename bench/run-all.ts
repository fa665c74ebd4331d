/** `npm run bench`: every benchmark, each printing its figures side by side with its baseline. */
import { benchEngineDecisions } from './engine-decisions.ts';
import { benchVirtualSimulator } from './virtual-simulator.ts';

console.log(`Node ${process.version} on ${process.platform}/${process.arch}`);
await benchEngineDecisions();
await benchVirtualSimulator();
