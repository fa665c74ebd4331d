import { expectedPeakRate } from '../scenario/offered-rate.ts';
import type { Scenario, TraceEntry } from '../scenario/schema.ts';
import type { PathSegment } from '../validation/json-path.ts';
import { formatJsonPath } from '../validation/json-path.ts';
import { README, bound, num, stageThrottle, warn, type LintWarning } from './lint-support.ts';
import type { Flow } from './lint-traffic.ts';
import type { GatewayConfig } from './schema.ts';

/** A bucket the scenario's traffic passes through, with what it receives at the peak. */
interface Load {
  id: string;
  rate: number;
  burst: number;
  path: PathSegment[];
  share: number;
  arrivals: Flow['arrivals'];
}

function planBucket(config: GatewayConfig, flow: Flow): Omit<Load, 'share' | 'arrivals'> | null {
  const { api, served, keyValue } = flow;
  if (api.protocol !== 'REST' || served.route.apiKeyRequired !== true || keyValue === null) return null;
  const key = config.apiKeys.find((k) => k.value === keyValue && k.enabled);
  const stage = api.stages[flow.stageIndex]!;
  if (key === undefined) return null;
  for (const [planIndex, plan] of config.usagePlans.entries()) {
    if (!key.usagePlanIds.includes(plan.id)) continue;
    const index = plan.apiStages.findIndex((s) => s.apiId === api.id && s.stage === stage.name);
    if (index === -1) continue;
    const entry = plan.apiStages[index]!.throttle?.[served.key];
    const throttle = entry ?? plan.throttle;
    if (throttle === undefined || (throttle.rateLimit === undefined && throttle.burstLimit === undefined)) return null;
    const at: PathSegment[] = entry
      ? ['usagePlans', planIndex, 'apiStages', index, 'throttle', served.key]
      : ['usagePlans', planIndex, 'throttle'];
    return {
      id: entry
        ? `usagePlan:${plan.id}:${key.id}:${api.id}/${stage.name}:${served.key}`
        : `usagePlan:${plan.id}:${key.id}`,
      rate: throttle.rateLimit ?? config.account.throttlingRateLimit,
      burst: throttle.burstLimit ?? config.account.throttlingBurstLimit,
      path: throttle.burstLimit === undefined ? at : [...at, 'burstLimit'],
    };
  }
  return null;
}

function buckets(config: GatewayConfig, flow: Flow): Array<Omit<Load, 'share' | 'arrivals'>> {
  const { api, served } = flow;
  const stage = api.stages[flow.stageIndex]!;
  const stageLimits = stageThrottle(config, ['apis', flow.apiIndex, 'stages', flow.stageIndex], stage, served.key);
  const { throttlingRateLimit: rate, throttlingBurstLimit: burst } = config.account;
  const list = [
    stageLimits && { id: `stage:${api.id}/${stage.name}:${served.key}`, ...stageLimits, path: stageLimits.burstPath },
    planBucket(config, flow),
    { id: 'account', rate, burst, path: ['account', 'throttlingBurstLimit'] },
  ];
  return list.filter((b): b is Omit<Load, 'share' | 'arrivals'> => b !== null && b.rate !== -1 && b.burst > 0);
}

function peakOf(load: Load, scenario: Scenario, peak: number): number {
  if (!scenario.trace) return peak * load.share;
  const trace = load.arrivals.map((a) => ({ ...scenario.trace[0]!, at: a.at, count: a.count }) satisfies TraceEntry);
  return expectedPeakRate({ ...scenario, trace } as Scenario) ?? 0;
}

/**
 * Buckets whose burst is below the scenario's expected per-second peak through them. The peak is split over
 * the mix by weight and over clients by share (for a trace, counted per bucket); each config field that sets
 * a burst is named once, with its most loaded bucket.
 */
export function lintBurstsAgainstPeak(
  config: GatewayConfig,
  scenario: Scenario,
  flows: readonly Flow[],
): LintWarning[] {
  const peak = expectedPeakRate(scenario);
  if (peak === null || peak === 0) return [];
  const loads = new Map<string, Load>();
  for (const flow of flows) {
    for (const bucket of buckets(config, flow)) {
      const load = loads.get(bucket.id) ?? { ...bucket, share: 0, arrivals: [] };
      load.share += flow.share;
      load.arrivals.push(...flow.arrivals);
      loads.set(bucket.id, load);
    }
  }
  const worst = new Map<string, { load: Load; peak: number; count: number }>();
  for (const load of loads.values()) {
    const through = peakOf(load, scenario, peak);
    if (!(load.burst < through)) continue;
    const at = formatJsonPath(load.path);
    const seen = worst.get(at);
    if (!seen || through / load.burst > seen.peak / seen.load.burst)
      worst.set(at, { load, peak: through, count: (seen?.count ?? 0) + 1 });
    else seen.count++;
  }
  return [...worst.values()].map(({ load, peak: through, count }) => {
    const rate = bound(load.rate);
    const others = count > 1 ? ` (and ${count - 1} more bucket${count > 2 ? 's' : ''} with this burst)` : '';
    const outcome =
      rate >= through
        ? `the rate (${num(rate)}/s) keeps up on average, but requests that arrive bunched (Poisson arrivals, a trace) find at most ${num(load.burst)} tokens`
        : `the peak empties it in about ${num(Number((load.burst / (through - rate)).toPrecision(2)))} s, then only ${num(rate)}/s get through, so expect 429s`;
    const message = `burst ${num(load.burst)} is below the scenario's expected peak of ${num(through)} requests/s through ${load.id}${others}: ${outcome}`;
    return warn('burst-below-peak', load.path, message, README.buckets);
  });
}
