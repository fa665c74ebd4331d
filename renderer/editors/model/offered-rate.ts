import { asArray, asNumber, asObject } from './json.ts';

/** A point of the preview chart: seconds, requests per second. */
export interface RatePoint {
  x: number;
  y: number;
}

/**
 * The offered rate of open-loop phases over time (SPEC §6): each phase holds `rate`, or ramps linearly to
 * `rampTo`, for `durationSeconds`; phases follow one another. A phase whose numbers don't read is left out.
 */
export function phaseRatePoints(phases: unknown): RatePoint[] {
  const points: RatePoint[] = [];
  let t = 0;
  for (const phase of asArray(phases)) {
    const p = asObject(phase);
    const duration = asNumber(p['durationSeconds']);
    const rate = asNumber(p['rate']);
    if (duration === undefined || duration <= 0 || rate === undefined) continue;
    const end = asNumber(p['rampTo']) ?? rate;
    points.push({ x: t, y: rate }, { x: t + duration, y: end });
    t += duration;
  }
  return points;
}

/** The requests a phase plan offers in all: the area under the rate. */
export function offeredRequests(points: readonly RatePoint[]): number {
  let total = 0;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const a = points[i]!;
    const b = points[i + 1]!;
    total += ((a.y + b.y) / 2) * (b.x - a.x);
  }
  return total;
}

/** A trace's arrivals per second (`at` in ms, `count` defaulting to 1), as a step line. */
export function traceRatePoints(trace: unknown): RatePoint[] {
  const perSecond = new Map<number, number>();
  for (const entry of asArray(trace)) {
    const e = asObject(entry);
    const at = asNumber(e['at']);
    if (at === undefined || at < 0) continue;
    const second = Math.floor(at / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + (asNumber(e['count']) ?? 1));
  }
  const last = Math.max(-1, ...perSecond.keys());
  const points: RatePoint[] = [];
  for (let s = 0; s <= last; s++) {
    const y = perSecond.get(s) ?? 0;
    points.push({ x: s, y }, { x: s + 1, y });
  }
  return points;
}
