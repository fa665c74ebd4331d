/** `npm run bench`: every benchmark, each printing its figures side by side with its baseline. */
import { loadavg } from 'node:os';
import { benchEngineDecisions } from './engine-decisions.ts';
import { benchGatewayOverhead } from './gateway-overhead.ts';
import { benchPacingAccuracy } from './pacing-accuracy.ts';
import { benchRendererHeap } from './renderer-heap.ts';
import { benchVirtualSimulator } from './virtual-simulator.ts';

console.log(`Node ${process.version} on ${process.platform}/${process.arch}, load average ${loadavg()[0]!.toFixed(2)}`);
await benchEngineDecisions();
await benchVirtualSimulator();
await benchGatewayOverhead();
await benchPacingAccuracy();
await benchRendererHeap();
