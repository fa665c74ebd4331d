import type { RandomSource } from '../random/random-source.ts';
import type { ParamValue } from './generator-schema.ts';
import { WeightedPicker, ZipfSampler } from './weighted-picker.ts';

/** Where a generated value goes, which decides how it is escaped. */
export type ValuePlacement = 'path' | 'greedyPath' | 'query' | 'header';

/** Produces one value per call, already escaped for its placement. */
export type ValueSource = () => string;

const ENCODERS: Record<ValuePlacement, (value: string) => string> = {
  path: encodeURIComponent,
  // A greedy {proxy+} value keeps its slashes: they are what makes it span segments.
  greedyPath: (value) => value.split('/').map(encodeURIComponent).join('/'),
  query: encodeURIComponent,
  header: (value) => value,
};

/** Zipf tables are costly (n entries), so parameters with the same `n` and `s` share one. */
export type ZipfCache = Map<string, ZipfSampler>;

/**
 * A value drawn as an index into a finite list of texts, so that whatever is built from the text can be built
 * once per index instead of once per draw.
 */
export interface IndexedValues {
  readonly size: number;
  /** Draws the next index, from 0. */
  draw(): number;
  /** The escaped text of an index. */
  text(index: number): string;
}

/**
 * Compiles a literal or generator into a value source drawing from `random`. Literals and `values`
 * strings are escaped once here; generated integers need no escaping. Each compiled `sequence` has its
 * own counter, so compiling once per mix entry and parameter gives the per-entry sequences of SPEC §6.
 */
export function compileValue(
  spec: ParamValue,
  placement: ValuePlacement,
  random: RandomSource,
  zipfCache: ZipfCache,
): ValueSource {
  if (typeof spec === 'string') {
    const literal = ENCODERS[placement](spec);
    return () => literal;
  }
  if ('sequence' in spec) {
    const { step } = spec.sequence;
    let next = spec.sequence.start;
    return () => {
      const value = next;
      next += step;
      return String(value);
    };
  }
  const indexed = compileIndexed(spec, placement, random, zipfCache)!;
  return () => indexed.text(indexed.draw());
}

/** The generators that draw from a finite list (`zipf`, `uniform`, `values`) as indexes; null for the others. */
export function compileIndexed(
  spec: ParamValue,
  placement: ValuePlacement,
  random: RandomSource,
  zipfCache: ZipfCache,
): IndexedValues | null {
  if (typeof spec === 'string' || 'sequence' in spec) return null;
  if ('zipf' in spec) {
    const { n, s } = spec.zipf;
    const key = `${n}:${s}`;
    let sampler = zipfCache.get(key);
    if (sampler === undefined) {
      sampler = new ZipfSampler(n, s);
      zipfCache.set(key, sampler);
    }
    const zipf = sampler;
    return { size: n, draw: () => zipf.sample(random) - 1, text: (index) => String(index + 1) };
  }
  if ('uniform' in spec) {
    const { min } = spec.uniform;
    const span = spec.uniform.max - min + 1;
    return { size: span, draw: () => Math.floor(random.next() * span), text: (index) => String(min + index) };
  }
  const encode = ENCODERS[placement];
  const values = spec.values.map((v) => encode(v.value));
  const picker = new WeightedPicker(spec.values.map((v) => v.weight));
  return { size: values.length, draw: () => picker.pick(random), text: (index) => values[index]! };
}
