import type { GatewayConfig } from '../config/schema.ts';
import type { Totals } from '../run/report-types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { VirtualRun } from '../sim/virtual-run.ts';

/** Runs a scenario to the end on the virtual clock and returns its totals. */
export function runTotals(config: GatewayConfig, scenario: Scenario, seed?: number): Totals {
  const run = new VirtualRun({ config, scenario, ...(seed === undefined ? {} : { seed }) });
  run.runToEnd();
  return run.recorder.totals();
}
