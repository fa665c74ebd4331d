import { describe, expect, it } from 'vitest';
import { randomStream } from '../../../../core/engine/random/random-source.ts';
import type { ParamValue } from '../../../../core/engine/scenario/generator-schema.ts';
import { compileValue, type ValuePlacement } from '../../../../core/engine/scenario/value-generators.ts';
import { expectBinomial, tally } from './helpers.ts';

function draw(spec: ParamValue, count: number, placement: ValuePlacement = 'path', seed = 1): string[] {
  const source = compileValue(spec, placement, randomStream(seed, 'mix'), new Map());
  return Array.from({ length: count }, () => source());
}

describe('value generators', () => {
  it('escapes literals for their placement, once', () => {
    expect(draw('a b/c', 1, 'path')).toEqual(['a%20b%2Fc']);
    expect(draw('a b/c', 1, 'greedyPath')).toEqual(['a%20b/c']);
    expect(draw('x&y=z', 1, 'query')).toEqual(['x%26y%3Dz']);
    expect(draw('max-age=0, no-cache', 1, 'header')).toEqual(['max-age=0, no-cache']);
  });

  it('counts a sequence from its start by its step, defaults 1 and 1', () => {
    expect(draw({ sequence: { start: 1, step: 1 } }, 4)).toEqual(['1', '2', '3', '4']);
    expect(draw({ sequence: { start: 10, step: -5 } }, 4)).toEqual(['10', '5', '0', '-5']);
  });

  it('draws uniform integers over [min, max] inclusive, evenly within 3σ', () => {
    const values = draw({ uniform: { min: -2, max: 3 } }, 60_000);
    const counts = tally(values);
    expect([...counts.keys()].sort()).toEqual(['-1', '-2', '0', '1', '2', '3']);
    for (const count of counts.values()) expectBinomial(count, values.length, 1 / 6);
    expect(draw({ uniform: { min: 7, max: 7 } }, 3)).toEqual(['7', '7', '7']);
  });

  it('picks weighted values within 3σ, escaped', () => {
    const spec = {
      values: [
        { value: 'a', weight: 3 },
        { value: 'b c', weight: 1 },
      ],
    };
    const counts = tally(draw(spec, 40_000, 'query'));
    expect([...counts.keys()].sort()).toEqual(['a', 'b%20c']);
    expectBinomial(counts.get('a')!, 40_000, 0.75);
  });

  it('draws zipf ranks 1..n and shares one table per (n, s)', () => {
    const cache = new Map();
    const random = randomStream(2, 'mix');
    const a = compileValue({ zipf: { n: 50, s: 1 } }, 'path', random, cache);
    compileValue({ zipf: { n: 50, s: 1 } }, 'query', random, cache);
    compileValue({ zipf: { n: 50, s: 2 } }, 'query', random, cache);
    expect(cache.size).toBe(2);
    const ranks = Array.from({ length: 1000 }, () => Number(a()));
    expect(ranks.every((k) => Number.isInteger(k) && k >= 1 && k <= 50)).toBe(true);
  });

  it('repeats exactly for a seed', () => {
    const spec = { uniform: { min: 1, max: 1_000_000 } };
    expect(draw(spec, 100, 'path', 4)).toEqual(draw(spec, 100, 'path', 4));
    expect(draw(spec, 100, 'path', 4)).not.toEqual(draw(spec, 100, 'path', 5));
  });
});
