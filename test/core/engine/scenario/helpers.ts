import { expect } from 'vitest';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';

/** Drains a `next(): number` cursor (-1 at the end) into an array. */
export function drain(cursor: { next(): number }, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (let t = cursor.next(); t !== -1 && out.length < limit; t = cursor.next()) out.push(t);
  return out;
}

/** Parses a scenario that must be valid, with the minimal fields filled in. */
export function scenario(fields: Record<string, unknown>): Scenario {
  const parsed = parseScenario({
    formatVersion: 1,
    name: 'test',
    target: { apiId: 'petstore', stage: 'prod' },
    ...fields,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** Asserts `count` successes of `trials` Bernoulli(p) draws lie within `sigmas` standard deviations. */
export function expectBinomial(count: number, trials: number, p: number, sigmas = 3): void {
  const mean = trials * p;
  const sd = Math.sqrt(trials * p * (1 - p));
  expect(
    Math.abs(count - mean),
    `count ${count} vs expected ${mean.toFixed(1)} ± ${sigmas}·${sd.toFixed(1)}`,
  ).toBeLessThanOrEqual(sigmas * sd);
}

/** Counts each value's occurrences. */
export function tally<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
