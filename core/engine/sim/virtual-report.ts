import type { GatewayConfig } from '../config/schema.ts';
import { buildReport, type ReportInput } from '../run/build-report.ts';
import type { RunReport } from '../run/report-types.ts';
import type { Scenario } from '../scenario/schema.ts';
import { VirtualRun } from './virtual-run.ts';

/** What a caller may add to a virtual run's report: the cost estimate's inputs and assertion results. */
export type VirtualReportExtras = Pick<ReportInput, 'prices' | 'backendCostPerMillion' | 'checks'>;

/** The report of a virtual run that has finished (or stopped): `startedAt` is the scenario's `startTime`. */
export function virtualReport(
  run: VirtualRun,
  config: GatewayConfig,
  scenario: Scenario,
  extras: VirtualReportExtras = {},
): RunReport {
  return buildReport({
    ...extras,
    mode: 'virtual',
    seed: run.seed,
    config,
    scenario,
    startedAt: new Date(Date.parse(scenario.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
  });
}

/** Runs a scenario to the end on the virtual clock and reports it the way `gatelab run` does. */
export function simulateReport(
  config: GatewayConfig,
  scenario: Scenario,
  seed?: number,
  extras: VirtualReportExtras = {},
): RunReport {
  const run = new VirtualRun({ config, scenario, ...(seed === undefined ? {} : { seed }) });
  run.runToEnd();
  return virtualReport(run, config, scenario, extras);
}
