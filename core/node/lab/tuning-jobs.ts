import type { GatewayConfig } from '../../engine/config/schema.ts';
import { parseAssertion } from '../../engine/run/assertions.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { simulateReport } from '../../engine/sim/virtual-report.ts';
import type { TuningLayer } from '../../engine/tuning/layer-limits.ts';
import { recommendLimits, type CurvePoint, type Recommendation } from '../../engine/tuning/recommend.ts';

/** Work the tuning worker does: inputs already validated by the lab host, so the worker only computes. */
export type TuningJob =
  | { kind: 'whatIf'; configA: GatewayConfig; configB: GatewayConfig; scenario: Scenario; seed: number | null }
  | { kind: 'recommend'; config: GatewayConfig; scenario: Scenario; layer: TuningLayer; goal: string; seed?: number };

export type TuningOutput =
  { kind: 'whatIf'; a: RunReport; b: RunReport } | { kind: 'recommend'; result: Recommendation };

/** One scenario to the end on the virtual clock, reported the way `gatelab run` reports it. */
export function simulate(config: GatewayConfig, scenario: Scenario, seed: number | null): RunReport {
  return simulateReport(config, scenario, seed ?? undefined);
}

/** Runs a job; `onPoint` hears each virtual run of a recommendation as it ends. */
export function runTuningJob(job: TuningJob, onPoint: (point: CurvePoint) => void): TuningOutput {
  if (job.kind === 'whatIf') {
    return {
      kind: 'whatIf',
      a: simulate(job.configA, job.scenario, job.seed),
      b: simulate(job.configB, job.scenario, job.seed),
    };
  }
  const goal = parseAssertion(job.goal);
  if (typeof goal === 'string') throw new Error(goal);
  const result = recommendLimits({
    config: job.config,
    scenario: job.scenario,
    layer: job.layer,
    goal,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    onEvaluation: onPoint,
  });
  return { kind: 'recommend', result };
}
