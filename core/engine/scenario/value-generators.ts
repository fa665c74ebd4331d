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
  const encode = ENCODERS[placement];
  if (typeof spec === 'string') {
    const literal = encode(spec);
    return () => literal;
  }
  if ('zipf' in spec) {
    const { n, s } = spec.zipf;
    const key = `${n}:${s}`;
    let sampler = zipfCache.get(key);
    if (sampler === undefined) {
      sampler = new ZipfSampler(n, s);
      zipfCache.set(key, sampler);
    }
    const zipf = sampler;
    return () => String(zipf.sample(random));
  }
  if ('uniform' in spec) {
    const { min } = spec.uniform;
    const span = spec.uniform.max - min + 1;
    return () => String(min + Math.floor(random.next() * span));
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
  const values = spec.values.map((v) => encode(v.value));
  const picker = new WeightedPicker(spec.values.map((v) => v.weight));
  return () => values[picker.pick(random)]!;
}
