import { randomBytes } from 'node:crypto';
import type { LabApi, LabEvent, OpenedRun, RecommendResult, RunComparison } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { parseAssertion } from '../../engine/run/assertions.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { diffTotals } from '../../engine/tuning/compare.ts';
import { checkLayer } from '../../engine/tuning/layer-limits.ts';
import { bucketLabeler } from './bucket-labels.ts';
import { LabError } from './lab-error.ts';
import type { LabRuns } from './lab-runs.ts';
import type { RunHistory } from './run-history.ts';
import { checkRunInputs } from './run-inputs.ts';
import { annotations } from './tuning-changes.ts';
import type { TuningRunner } from './tuning-runner.ts';

export interface TuningDeps {
  runs: LabRuns;
  history: RunHistory;
  runner: TuningRunner;
  emit(event: LabEvent): void;
  /** Settles once the history has been read; every call waits for it. */
  ready: Promise<void>;
}

/** The tuning part of the `LabApi`: hot-apply, renaming and deleting runs, reopening, comparing, recommending. */
export type TuningApi = Pick<
  LabApi,
  'applyConfig' | 'renameRun' | 'deleteRun' | 'openRun' | 'compareRuns' | 'whatIf' | 'recommend'
>;

/** Validates a what-if or recommendation's inputs, naming which side a problem belongs to. */
function inputs(side: string, config: unknown, scenario: unknown) {
  try {
    return checkRunInputs(config, scenario);
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    throw new LabError(error.code, error.message.replace(/^cannot start the run/, side));
  }
}

/** A file the history couldn't write, as an `io` error that says what was being done. */
async function io<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw new LabError(LAB_ERROR.io, `${what}: ${(error as Error).message}`);
  }
}

/** Implements `TuningApi` over the host's runs and history; heavy work goes to `runner`. */
export function createTuningApi(deps: TuningDeps): TuningApi {
  const { runs, history, runner } = deps;
  const after = async <T>(work: () => T | Promise<T>): Promise<T> => {
    await deps.ready;
    return work();
  };
  const saved = async (runId: string): Promise<RunReport> => {
    const report = await runs.report(runId);
    if (report === null) throw new LabError(LAB_ERROR.notFound, `no run "${runId}"`);
    return report;
  };
  const label = (runId: string) => history.meta(runId)?.name ?? runId;

  return {
    applyConfig: (runId, config) => after(() => runs.applyConfig(runId, config)),
    renameRun: (runId, name) => after(() => io('could not rename the run', () => runs.rename(runId, name.trim()))),
    deleteRun: (runId) => after(() => io('could not delete the run', () => runs.remove(runId))),
    openRun: (runId) =>
      after(async (): Promise<OpenedRun> => {
        if (runs.isActive(runId)) throw new LabError(LAB_ERROR.state, `run ${runId} is still going`);
        const meta = history.meta(runId);
        const summary = history.list().find((r) => r.runId === runId);
        const report = await saved(runId);
        if (!meta || !summary) throw new LabError(LAB_ERROR.notFound, `no run "${runId}"`);
        const name = bucketLabeler(report.config.apis.length > 1);
        const buckets = Object.entries(report.buckets).map(([id, b]) => ({ id, label: name(id), ...b }));
        return { summary, report, buckets, changes: annotations(meta.changes) };
      }),
    compareRuns: (runIdA, runIdB) =>
      after(async (): Promise<RunComparison> => {
        const [a, b] = await Promise.all([saved(runIdA), saved(runIdB)]);
        return {
          a: { label: label(runIdA), report: a },
          b: { label: label(runIdB), report: b },
          diff: diffTotals(a.totals, b.totals),
        };
      }),
    async whatIf(configA, configB, scenarioData, seed) {
      const a = inputs('config A', configA, scenarioData);
      const b = inputs('config B', configB, scenarioData);
      const output = await runner.run(
        { kind: 'whatIf', configA: a.config, configB: b.config, scenario: a.scenario, seed },
        () => undefined,
      );
      if (output.kind !== 'whatIf') throw new LabError(LAB_ERROR.internal, 'the tuning worker answered another job');
      return {
        a: { label: a.config.name, report: output.a },
        b: { label: b.config.name, report: output.b },
        diff: diffTotals(output.a.totals, output.b.totals),
      };
    },
    async recommend(request): Promise<RecommendResult> {
      const { config, scenario } = inputs('cannot recommend', request.config, request.scenario);
      const goal = parseAssertion(request.goal);
      if (typeof goal === 'string') throw new LabError(LAB_ERROR.badInput, `goal ${goal}`);
      const layerProblem = checkLayer(config, request.layer);
      if (layerProblem) throw new LabError(LAB_ERROR.badInput, layerProblem.replace(/^--layer/, 'layer'));
      const id = request.id ?? `rec-${randomBytes(4).toString('hex')}`;
      const job = {
        kind: 'recommend' as const,
        config,
        scenario,
        layer: request.layer,
        goal: request.goal,
        ...(request.seed === undefined ? {} : { seed: request.seed }),
      };
      const output = await runner.run(job, (evaluations, point) =>
        deps.emit({ type: 'recommend-progress', id, evaluations, point }),
      );
      if (output.kind !== 'recommend') throw new LabError(LAB_ERROR.internal, 'the tuning worker answered another job');
      return { id, goal: request.goal, ...output.result };
    },
  };
}
