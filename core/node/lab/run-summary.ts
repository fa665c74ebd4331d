import type { RunState, RunSummary } from '../../contract/lab-api.ts';
import type { RunReport } from '../../engine/run/report-types.ts';

/** What the history keeps beside a report: the report itself doesn't know its run id, name or how it ended. */
export interface RunMeta {
  runId: string;
  name: string;
  state: RunState;
  /** Wall-clock ISO time the run ended (in virtual mode `startedAt` is simulated time); absent while it runs. */
  savedAt?: string;
}

/** The history row of a run. */
export function summarize(report: RunReport, meta: RunMeta): RunSummary {
  const { totals } = report;
  const looked = totals.cacheHits + totals.cacheMisses;
  return {
    runId: meta.runId,
    name: meta.name,
    scenarioName: report.scenario.name,
    mode: report.mode,
    seed: report.seed,
    state: meta.state,
    startedAt: report.startedAt,
    ...(meta.savedAt === undefined ? {} : { savedAt: meta.savedAt }),
    durationSeconds: report.durationSeconds,
    sent: totals.sent,
    ok: totals.ok,
    throttled: totals.throttled,
    quotaExceeded: totals.quotaExceeded,
    p99: totals.latencyMs.p99,
    cacheHitRatio: looked === 0 ? 0 : totals.cacheHits / looked,
  };
}

/** A file-name-safe version of a run or config name. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'run'
  );
}
