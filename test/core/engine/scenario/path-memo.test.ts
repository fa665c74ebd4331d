import { describe, expect, it } from 'vitest';
import { randomStream } from '../../../../core/engine/random/random-source.ts';
import { PathMemo } from '../../../../core/engine/scenario/path-memo.ts';
import { compileIndexed, compileValue } from '../../../../core/engine/scenario/value-generators.ts';
import type { ParamValue } from '../../../../core/engine/scenario/generator-schema.ts';

const SPECS: ParamValue[] = [
  { zipf: { n: 100, s: 1.1 } },
  { uniform: { min: -5, max: 5 } },
  { uniform: { min: 1, max: 1_000_000 } },
  {
    values: [
      { value: 'a b', weight: 1 },
      { value: 'c/d', weight: 3 },
    ],
  },
];

describe('PathMemo', () => {
  it('draws the paths, from the same stream draws, that building each path per request gives', () => {
    for (const spec of SPECS) {
      const plain = compileValue(spec, 'path', randomStream(7, 'mix'), new Map());
      const indexed = compileIndexed(spec, 'path', randomStream(7, 'mix'), new Map())!;
      const memo = new PathMemo('/prod/items/', indexed, '/tail');
      for (let i = 0; i < 2000; i++) expect(memo.draw()).toBe(`/prod/items/${plain()}/tail`);
    }
  });

  it('gives the same string object for a repeated index', () => {
    const memo = new PathMemo('/p/', { size: 3, draw: () => 1, text: (i) => String(i) }, '');
    const first = memo.draw();
    expect(first).toBe('/p/1');
    expect(Object.is(memo.draw(), first)).toBe(true);
  });

  it('builds indexes past its bound per draw', () => {
    let next = 0;
    const memo = new PathMemo('/p/', { size: 1e9, draw: () => next, text: (i) => String(i) }, '?x');
    next = 900_000_000;
    expect(memo.draw()).toBe('/p/900000000?x');
    next = 2;
    expect(memo.draw()).toBe('/p/2?x');
  });
});

describe('compileIndexed', () => {
  it('has no index form for literals and sequences', () => {
    const random = randomStream(1, 'mix');
    expect(compileIndexed('x', 'path', random, new Map())).toBeNull();
    expect(compileIndexed({ sequence: { start: 1, step: 1 } }, 'path', random, new Map())).toBeNull();
  });

  it('escapes values for their placement', () => {
    const values = compileIndexed(
      { values: [{ value: 'a/b c', weight: 1 }] },
      'query',
      randomStream(1, 'mix'),
      new Map(),
    );
    expect(values?.text(0)).toBe('a%2Fb%20c');
  });
});
