import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../core/engine/config/parse-config.ts';
import { buildReport } from '../../../core/engine/run/build-report.ts';
import type { Totals } from '../../../core/engine/run/report-types.ts';
import { parseScenario } from '../../../core/engine/scenario/parse-scenario.ts';
import { VirtualRun } from '../../../core/engine/sim/virtual-run.ts';
import { ROOT } from './renderer-build.ts';

const example = (name: string) => JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8')) as unknown;

/** The totals `gatelab run CONFIG --scenario SCENARIO` reports, computed the way the CLI does. */
export function referenceTotals(configName: string, scenarioName: string): Totals {
  const config = parseConfig(example(configName));
  const scenario = parseScenario(example(scenarioName));
  if (!config.ok || !scenario.ok) throw new Error('the examples no longer validate');
  const run = new VirtualRun({ config: config.value, scenario: scenario.value });
  run.runToEnd();
  return buildReport({
    mode: 'virtual',
    seed: run.seed,
    config: config.value,
    scenario: scenario.value,
    startedAt: new Date(Date.parse(scenario.value.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
  }).totals;
}
