import type { RunReport } from '../../engine/run/report-types.ts';
import type { LoadDone } from './live-protocol.ts';

/** One second of a live run: the rate the plan asked for and the rate that went onto connections. */
export interface LiveSecond {
  t: number;
  /** Requests per second due by the plan (arrivals and retries); null for a closed loop. */
  intendedRate: number | null;
  /** Requests per second written to a connection. */
  achievedRate: number;
  /** Every connection was busy at some point: requests waited for the gateway's answers. */
  saturated: boolean;
}

/** The `live` section of a live run's report (virtual reports have none). */
export interface LiveSection {
  /** The `--target` URL, or null for the run's own in-process gateway. */
  target: string | null;
  loadModel: 'open' | 'closed';
  series: LiveSecond[];
  /** Mean rates over the full seconds of the plan (requests per second). */
  meanIntendedRate: number | null;
  meanAchievedRate: number;
  /** Full seconds where the generator, not the gateway, kept the achieved rate below 97% of the intended one. */
  generatorLimitedSeconds: number[];
  /** Requests sent that got no answer. */
  unanswered: number;
  /** Ended early by Ctrl-C or the time bound. */
  stopped: boolean;
  warnings: string[];
}

export type LiveRunReport = RunReport & { live: LiveSection };

/** Below this share of the intended rate, a second counts as limited. */
const ACHIEVED_SHARE = 0.97;

/**
 * Seconds where the generator fell behind its plan: a full second whose achieved rate is under 97% of the
 * intended one while connections were free (so the gateway was not holding them). A shortfall of a single
 * request is ignored: at low rates one send slipping past a second boundary is not a limit.
 */
export function generatorLimitedSeconds(series: readonly LiveSecond[], fullUntilMs: number): number[] {
  const limited: number[] = [];
  for (const point of series) {
    if ((point.t + 1) * 1000 > fullUntilMs || point.intendedRate === null || point.saturated) continue;
    const shortfall = point.intendedRate - point.achievedRate;
    if (point.achievedRate < ACHIEVED_SHARE * point.intendedRate && shortfall > 1) limited.push(point.t);
  }
  return limited;
}

/** Builds the `live` section from how the load ended. */
export function liveSection(
  done: LoadDone,
  plannedMs: number,
  target: string | null,
  warnings: readonly string[],
): LiveSection {
  const { intended, achieved, saturated } = done.rates;
  const seconds = Math.ceil(done.endMs / 1000);
  const series: LiveSecond[] = [];
  for (let t = 0; t < seconds; t++) {
    series.push({
      t,
      intendedRate: intended === null ? null : (intended[t] ?? 0),
      achievedRate: achieved[t] ?? 0,
      saturated: saturated[t] ?? false,
    });
  }
  // A stopped run's full seconds end where it stopped.
  const fullUntilMs = Math.min(plannedMs, done.endMs);
  const limited = generatorLimitedSeconds(series, fullUntilMs);
  const full = series.filter((point) => (point.t + 1) * 1000 <= fullUntilMs);
  const mean = (values: number[]): number =>
    values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
  const all = [...warnings];
  if (limited.length > 0) {
    all.push(
      `the load generator, not the gateway, limited the rate in ${limited.length} second(s) (${limited.join(', ')}): ` +
        'achieved below 97% of intended with connections free; the machine may be overloaded',
    );
  }
  if (done.unanswered > 0) {
    all.push(`${done.unanswered} request(s) got no answer${done.firstError ? ` (first: ${done.firstError})` : ''}`);
  }
  return {
    target,
    loadModel: intended === null ? 'closed' : 'open',
    series,
    meanIntendedRate: intended === null ? null : mean(full.map((point) => point.intendedRate ?? 0)),
    meanAchievedRate: mean(full.map((point) => point.achievedRate)),
    generatorLimitedSeconds: limited,
    unanswered: done.unanswered,
    stopped: done.stopped,
    warnings: all,
  };
}

/**
 * The end-of-run summary of a live run: the rows of the shared summary table under a header that says where the
 * load went, then the mean intended and achieved rates.
 */
export function liveSummary(report: LiveRunReport, summary: string): string {
  const { live } = report;
  const [, ...rows] = summary.split('\n');
  const where = live.target ?? 'an in-process gateway';
  const header = `${report.scenario.name} · live against ${where} · seed ${report.seed} · ${report.durationSeconds.toFixed(1)} s`;
  const intended = live.meanIntendedRate === null ? '' : `intended ${live.meanIntendedRate.toFixed(1)} · `;
  const rates = `  rate/s  ${intended}achieved ${live.meanAchievedRate.toFixed(1)} (mean over full seconds)`;
  return [header, ...rows, rates].join('\n');
}
