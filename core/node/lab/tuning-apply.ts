import type { ConfigChange, RunMode } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { parseConfig } from '../../engine/config/parse-config.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { checkScenarioTargets } from '../../engine/run/check-scenario-target.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { LabError } from './lab-error.ts';
import type { RunDriver } from './run-driver.ts';
import { describeConfigChange, type TunedMeta } from './tuning-changes.ts';

/** What hot-applying needs of a run in progress. */
export interface TunableRun {
  driver: RunDriver;
  meta: TunedMeta;
  mode: RunMode;
  /** The config in force now: the run's own, then each one applied. */
  config: GatewayConfig;
  scenario: Scenario;
}

/** Validates a config for a run in progress: it must parse, and still have what the run's scenario targets. */
export function checkAppliedConfig(data: unknown, scenario: Scenario): GatewayConfig {
  const parsed = parseConfig(data);
  const problems = parsed.ok
    ? checkScenarioTargets(scenario, parsed.value).map((p) => `scenario ${formatProblem(p)}`)
    : parsed.problems.map((p) => `config ${formatProblem(p)}`);
  if (!parsed.ok || problems.length > 0) {
    throw new LabError(LAB_ERROR.badInput, `cannot apply the config: ${problems.join('; ')}`);
  }
  return parsed.value;
}

/**
 * Hot-applies a config to a running run (SPEC §9 "Hot-apply and redeploy") and records the change, with the run
 * time it took effect at, in the run's metadata, which the history saves with the report.
 */
export function applyToRun(run: TunableRun, data: unknown): ConfigChange {
  if (!run.driver.applyConfig) {
    throw new LabError(
      LAB_ERROR.unsupported,
      `changing limits during a ${run.mode} run is not available yet; stop the run and start it with the new config`,
    );
  }
  const config = checkAppliedConfig(data, run.scenario);
  const description = describeConfigChange(run.config, config);
  const atMs = run.driver.applyConfig(config);
  run.config = config;
  (run.meta.changes ??= []).push({ atMs, description, config });
  return { atMs, description };
}
