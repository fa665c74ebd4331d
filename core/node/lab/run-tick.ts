import type { BucketSnapshot, QuotaSnapshot, RunTick } from '../../contract/lab-api.ts';
import type { Gateway } from '../../engine/gateway/gateway.ts';
import type { SeriesPoint } from '../../engine/run/report-types.ts';
import type { RunRecorder } from '../../engine/run/run-recorder.ts';

export interface TickInput {
  runId: string;
  /** Where bucket levels and quotas come from, asked at `simulatedMs` (a live run answers with its levels now). */
  gateway: Pick<Gateway, 'bucketLevels' | 'quotaUsage'>;
  recorder: RunRecorder;
  /** Run time reached, in ms since the start. */
  simulatedMs: number;
  plannedMs: number;
  closed: SeriesPoint[];
  label: (bucketId: string) => string;
}

/** One dashboard update: totals, per-client and per-route figures, bucket levels and quotas at `simulatedMs`. */
export function buildTick(input: TickInput): RunTick {
  const { gateway, recorder, simulatedMs } = input;
  const buckets: BucketSnapshot[] = gateway.bucketLevels(simulatedMs).map((b) => ({
    id: b.id,
    label: input.label(b.id),
    rate: b.rate,
    burst: b.burst,
    level: b.level,
  }));
  const quotas: QuotaSnapshot[] = gateway.quotaUsage(simulatedMs).map((q) => ({
    planId: q.planId,
    keyId: q.keyId,
    limit: q.limit,
    used: q.used,
    remaining: q.remaining,
    resetsAt: new Date(q.resetsAt).toISOString(),
  }));
  return {
    runId: input.runId,
    simulatedMs,
    plannedMs: input.plannedMs,
    closed: input.closed,
    totals: recorder.totals(),
    buckets,
    byClient: recorder.byClient(),
    byRoute: recorder.byRoute(),
    quotas,
  };
}
