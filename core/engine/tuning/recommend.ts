import type { GatewayConfig } from '../config/schema.ts';
import { evaluate, type Assertion } from '../run/assertions.ts';
import { expectedPeakRate } from '../scenario/offered-rate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runTotals } from './evaluate.ts';
import { currentLimits, withLimits, type Limits, type TuningLayer } from './layer-limits.ts';

export interface RecommendInput {
  config: GatewayConfig;
  scenario: Scenario;
  layer: TuningLayer;
  /** What must hold, as an assertion over the run's totals, e.g. `throttledRatio<=0.01`. */
  goal: Assertion;
  seed?: number;
  /** Extra evenly spaced rates to evaluate for the goal-versus-rate curve. Default 10. */
  curvePoints?: number;
  /** Called after each virtual run, for progress displays. */
  onEvaluation?: (point: CurvePoint) => void;
}

export interface CurvePoint {
  rate: number;
  burst: number;
  value: number;
  met: boolean;
}

export interface Recommendation {
  layer: TuningLayer;
  before: Limits;
  /** The smallest limits found, or null when no rate at this layer meets the goal. */
  limits: Limits | null;
  /** The goal's value with the recommended limits (or at the highest rate tried). */
  value: number;
  /** The config with the recommended limits applied (null when unreachable). */
  config: GatewayConfig | null;
  /** The goal's value against the rate (at the starting burst), sorted by rate. */
  curve: CurvePoint[];
  evaluations: number;
  note: string | null;
}

const MAX_RATE = 10_000_000;

function gridStep(rate: number): number {
  return 10 ** (Math.floor(Math.log10(rate)) - 2);
}

/** Rounds a rate up to three significant digits, the resolution of the search. */
export function roundUpRate(rate: number): number {
  if (rate <= 0) return 0;
  const step = gridStep(rate);
  return Number((Math.ceil(rate / step - 1e-9) * step).toPrecision(12));
}

function roundDownRate(rate: number): number {
  if (rate <= 0) return 0;
  const step = gridStep(rate);
  return Number((Math.floor(rate / step + 1e-9) * step).toPrecision(12));
}

/**
 * Finds the smallest limits at one layer that meet a goal on a scenario, in virtual mode: the rate first
 * (bisection to three significant digits, the burst held at its current value), then the smallest whole burst
 * at that rate. Assumes the goal improves as limits grow, as throttling goals do.
 */
export function recommendLimits(input: RecommendInput): Recommendation {
  const { config, scenario, layer, goal } = input;
  const before = currentLimits(config, layer);
  const peak = expectedPeakRate(scenario) ?? 1;
  // An unlimited burst would make every rate pass; start from one second of the peak instead.
  const burst = before.burst === -1 ? Math.max(1, Math.ceil(peak)) : Math.max(1, before.burst);
  const tried: CurvePoint[] = [];
  let evaluations = 0;
  const probe = (rate: number, atBurst: number): CurvePoint => {
    evaluations++;
    const totals = runTotals(withLimits(config, layer, { rate, burst: atBurst }), scenario, input.seed);
    const check = evaluate(goal, totals);
    const point = { rate, burst: atBurst, value: check.observed, met: check.ok };
    if (atBurst === burst) tried.push(point);
    input.onEvaluation?.(point);
    return point;
  };

  let high = Math.max(1, before.rate > 0 ? before.rate : 0, peak);
  let atHigh = probe(high, burst);
  while (!atHigh.met && high < MAX_RATE) {
    high = Math.min(MAX_RATE, high * 4);
    atHigh = probe(high, burst);
  }
  if (!atHigh.met) {
    const note = `even ${high} rps at this layer doesn't meet ${goal.expression}: another layer, or the scenario itself, limits it`;
    return finish({ limits: null, value: atHigh.value, config: null, note });
  }
  let low = 0;
  if (probe(0, burst).met) high = 0;
  while (high > 0 && high - low > high * 0.0005) {
    const middle = (low + high) / 2;
    if (probe(middle, burst).met) high = middle;
    else low = middle;
  }
  // The bisection brackets the answer between a failing `low` and a passing `high`; the grid value at or
  // below `high` may still pass (an exact answer such as r itself), else the one above it does.
  let rate = roundUpRate(high);
  const down = roundDownRate(high);
  if (down > low && down < rate && probe(down, burst).met) rate = down;
  else if (rate > 0 && !probe(rate, burst).met) rate = roundUpRate(rate * 1.001);

  let lowBurst = 0;
  let highBurst = burst;
  while (highBurst - lowBurst > 1) {
    const middle = Math.floor((lowBurst + highBurst) / 2);
    if (probe(rate, middle).met) highBurst = middle;
    else lowBurst = middle;
  }
  const limits = { rate, burst: highBurst };
  const tuned = withLimits(config, layer, limits);
  const value = evaluate(goal, runTotals(tuned, scenario, input.seed)).observed;
  const points = input.curvePoints ?? 10;
  for (let i = 1; i <= points; i++) probe(roundUpRate((2 * rate * i) / points) || i, burst);
  return finish({ limits, value, config: tuned, note: null });

  function finish(result: Pick<Recommendation, 'limits' | 'value' | 'config' | 'note'>): Recommendation {
    const curve = [...new Map(tried.map((p) => [p.rate, p])).values()].sort((a, b) => a.rate - b.rate);
    return { layer, before, ...result, curve, evaluations };
  }
}
