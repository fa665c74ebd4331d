import { countBefore, rateAt, rateProfile } from './rate-profile.ts';
import type { Scenario, TraceEntry } from './schema.ts';

/** The trace's arrival counts sorted by time (ties in any order: only sums are taken). */
function traceTimeline(trace: readonly TraceEntry[]): { at: number; count: number }[] {
  return trace.map((e) => ({ at: e.at, count: e.count })).sort((a, b) => a.at - b.at);
}

function traceCountIn(trace: readonly TraceEntry[], fromMs: number, toMs: number): number {
  let count = 0;
  for (const entry of trace) if (entry.at >= fromMs && entry.at < toMs) count += entry.count;
  return count;
}

/**
 * How long the scenario offers load, in ms: the end of the last phase, the concurrency duration, or the
 * last trace arrival's time.
 */
export function scenarioDurationMs(scenario: Scenario): number {
  if (scenario.phases) return rateProfile(scenario.phases).endMs;
  if (scenario.concurrency) return scenario.concurrency.durationSeconds * 1000;
  return scenario.trace.reduce((last, e) => Math.max(last, e.at), 0);
}

/** The expected number of first attempts: exact for uniform phases and traces; null for a closed loop without `maxRequests`. */
export function expectedArrivalCount(scenario: Scenario): number | null {
  if (scenario.phases) return rateProfile(scenario.phases).totalCount;
  if (scenario.concurrency) return scenario.concurrency.maxRequests ?? null;
  return scenario.trace.reduce((sum, e) => sum + e.count, 0);
}

/**
 * The peak offered first-attempt rate per second: the highest phase rate or ramp end, or for a trace
 * the most arrivals in any 1-second window [t, t + 1000 ms). Null for a closed loop, whose rate
 * depends on the gateway's latency.
 */
export function expectedPeakRate(scenario: Scenario): number | null {
  if (scenario.phases) return scenario.phases.reduce((peak, p) => Math.max(peak, p.rate, p.rampTo ?? p.rate), 0);
  if (scenario.concurrency) return null;
  const timeline = traceTimeline(scenario.trace);
  let peak = 0;
  let inWindow = 0;
  let end = 0;
  for (const start of timeline) {
    while (end < timeline.length && timeline[end]!.at < start.at + 1000) inWindow += timeline[end++]!.count;
    peak = Math.max(peak, inWindow);
    inWindow -= start.count;
  }
  return peak;
}

/**
 * The offered first-attempt rate at `tMs` (arrivals/s): the phases' instantaneous rate, or for a trace
 * the arrivals in [tMs, tMs + 1000). Null for a closed loop.
 */
export function offeredRateAt(scenario: Scenario, tMs: number): number | null {
  if (scenario.phases) return rateAt(rateProfile(scenario.phases), tMs);
  if (scenario.concurrency) return null;
  return traceCountIn(scenario.trace, tMs, tMs + 1000);
}

/**
 * The offered rate for a preview chart: element i is the mean rate (arrivals/s) over
 * [i·stepMs, (i + 1)·stepMs), so the series' area is the expected arrival count. Empty for a closed loop.
 */
export function offeredRateSeries(scenario: Scenario, stepMs: number): number[] {
  if (!(stepMs > 0)) throw new RangeError(`stepMs must be > 0, got ${stepMs}`);
  const perSecond = 1000 / stepMs;
  if (scenario.phases) {
    const profile = rateProfile(scenario.phases);
    const series: number[] = [];
    for (let t = 0, i = 0; t < profile.endMs; t = ++i * stepMs) {
      series.push((countBefore(profile, t + stepMs) - countBefore(profile, t)) * perSecond);
    }
    return series;
  }
  if (scenario.concurrency) return [];
  const series = new Array<number>(Math.floor(scenarioDurationMs(scenario) / stepMs) + 1).fill(0);
  for (const entry of scenario.trace) {
    const i = Math.floor(entry.at / stepMs);
    series[i] = (series[i] ?? 0) + entry.count * perSecond;
  }
  return series;
}
