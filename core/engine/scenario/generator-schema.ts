import { z } from 'zod';
import { intInRange, withExtensionKeys } from '../config/zod-helpers.ts';
import { unknownKeysMessage } from '../validation/problem.ts';

const INTEGER = 'expected an integer';
const POSITIVE = 'expected a number > 0';

const integer = z.number({ error: INTEGER }).int({ error: INTEGER });

/** A number > 0: weights and shares. */
export const positiveNumber = z.number({ error: POSITIVE }).gt(0, { error: POSITIVE });

/** A number > 0 with an upper bound, so a typo cannot plan a run of a billion years. */
export function positiveAtMost(max: number) {
  const expected = `expected a number > 0 and ≤ ${max}`;
  return z.number({ error: expected }).gt(0, { error: expected }).max(max, { error: expected });
}

/** A strict object whose wrong-type message says what was expected, and whose unknown keys get a suggestion. */
export function object<T extends z.core.$ZodLooseShape>(shape: T, expected = 'expected an object') {
  const unknownKeys = unknownKeysMessage(Object.keys(shape));
  return withExtensionKeys(
    z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeys : expected) }),
  );
}

const GENERATOR_KINDS = ['zipf', 'uniform', 'sequence', 'values'] as const;
const KINDS_TEXT = '"zipf", "uniform", "sequence" or "values"';

/** The largest zipf `n`: its CDF table (8 bytes per rank) is built once per generator. */
const MAX_ZIPF_N = 1_000_000;

const weightedValue = z.union(
  [
    z.string().transform((value) => ({ value, weight: 1 })),
    object({ value: z.string({ error: 'expected a string' }), weight: positiveNumber.default(1) }),
  ],
  { error: 'expected a string or { "value": "…", "weight": n }' },
);

const generatorObject = object(
  {
    zipf: object({ n: intInRange(1, MAX_ZIPF_N), s: positiveNumber }).optional(),
    uniform: object({ min: integer, max: integer })
      .refine((u) => u.max >= u.min, { error: 'expected max ≥ min', path: ['max'] })
      .optional(),
    sequence: object({ start: integer.default(1), step: integer.default(1) }).optional(),
    values: z
      .array(weightedValue, { error: 'expected an array of values' })
      .min(1, { error: 'expected at least one value' })
      .optional(),
  },
  `expected a generator: an object with one of ${KINDS_TEXT}`,
)
  .refine((generator) => GENERATOR_KINDS.filter((kind) => generator[kind] !== undefined).length === 1, {
    error: `expected exactly one of ${KINDS_TEXT}`,
    // An unknown key already explains an empty generator; saying it twice would only add noise.
    when: (payload) => payload.issues.length === 0,
  })
  .transform((generator) => generator as ValueGenerator);

/** A parameter, query or header value: a literal string, or a generator drawn per request. */
export const paramValueSchema = z.union([z.string(), generatorObject], {
  error: `expected a string or a generator object with one of ${KINDS_TEXT}`,
});

/** `params`, `query` or `headers`: names to literals or generators. */
export const paramMapSchema = z.record(z.string(), paramValueSchema, { error: 'expected an object' });

/** One weighted choice of a `values` generator. */
export interface WeightedValue {
  value: string;
  weight: number;
}

/**
 * A value generator, normalised (defaults filled, bare strings in `values` turned into weight 1):
 * `zipf` ranks 1..n with P(k) ∝ k^−s, `uniform` integers in [min, max], `sequence` start, start+step, …
 * counted per mix entry and parameter, and `values` a weighted list.
 */
export type ValueGenerator =
  | { zipf: { n: number; s: number } }
  | { uniform: { min: number; max: number } }
  | { sequence: { start: number; step: number } }
  | { values: WeightedValue[] };

/** A literal string or a generator. */
export type ParamValue = string | ValueGenerator;
