import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { evaluate, parseAssertion } from '../../../../core/engine/run/assertions.ts';
import { buildReport, type ReportInput } from '../../../../core/engine/run/build-report.ts';
import type { RunReport } from '../../../../core/engine/run/report-types.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { VirtualRun } from '../../../../core/engine/sim/virtual-run.ts';
import { bundledPrices } from '../cost/prices.ts';

type Json = Record<string, unknown>;

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');

/** An example file, parsed. */
export function example(name: string): Json {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Json;
}

/** Runs a config and scenario virtually, as `gatelab run` does, into a report with prices and assertions. */
export function runReport(
  configData: unknown,
  scenarioData: unknown,
  options: Pick<ReportInput, 'prices' | 'backendCostPerMillion'> = { prices: bundledPrices() },
  assertions: string[] = ['p99<1000', 'throttledRatio<0.01'],
): RunReport {
  const config = parseConfig(configData);
  const scenario = parseScenario(scenarioData);
  if (!config.ok || !scenario.ok) throw new Error('invalid test input');
  const run = new VirtualRun({ config: config.value, scenario: scenario.value });
  run.runToEnd();
  const report = buildReport({
    mode: 'virtual',
    seed: run.seed,
    config: config.value,
    scenario: scenario.value,
    startedAt: new Date(Date.parse(scenario.value.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
    ...options,
  });
  report.checks = assertions.map((text) => {
    const assertion = parseAssertion(text);
    if (typeof assertion === 'string') throw new Error(assertion);
    return evaluate(assertion, report.totals);
  });
  return report;
}

/** The README's flash sale on the pet-store example, with the bundled prices and two assertions (one fails). */
export function flashSaleReport(): RunReport {
  return runReport(example('petstore.gatelab.json'), example('flash-sale.scenario.json'));
}
