import { z } from 'zod';
import { unknownKeysMessage } from '../validation/problem.ts';

/** Drops `$schema` and `x-*` keys so the strict object below accepts them without listing them. */
function stripExtensionKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== '$schema' && !key.startsWith('x-')) kept[key] = item;
  }
  return kept;
}

/** `z.strictObject` whose unknown-key issue names the known keys, so the error can suggest one. */
export function strictShape<T extends z.core.$ZodLooseShape>(shape: T) {
  const message = unknownKeysMessage(Object.keys(shape));
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? message : 'expected an object'),
  });
}

/** A strict object: unknown keys are errors, except `$schema` and `x-*` extension keys. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.preprocess(stripExtensionKeys, strictShape(shape));
}

/** Lets a schema built from `z.strictObject`s (such as a discriminated union) accept extension keys. */
export function withExtensionKeys<T extends z.ZodType>(schema: T) {
  return z.preprocess(stripExtensionKeys, schema);
}

const LIMIT_EXPECTED = 'expected -1 or a number ≥ 0';
const BURST_EXPECTED = 'expected -1 or an integer ≥ 0';

/** A throttle rate: -1 (no limit) or any number ≥ 0, fractions allowed. */
export const rateLimit = z
  .number({ error: LIMIT_EXPECTED })
  .refine((n) => n === -1 || (n >= 0 && Number.isFinite(n)), { error: LIMIT_EXPECTED });

/** A throttle burst: -1 (no limit) or a whole number ≥ 0. */
export const burstLimit = z
  .number({ error: BURST_EXPECTED })
  .refine((n) => n === -1 || (Number.isInteger(n) && n >= 0), { error: BURST_EXPECTED });

export const identifier = z
  .string({ error: 'expected a string' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected letters, digits, "_", "-" or "." only' });

export const nonEmptyString = z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' });

export const stringMap = z.record(z.string(), z.string({ error: 'expected a string' }), {
  error: 'expected an object of strings',
});

export const bool = z.boolean({ error: 'expected true or false' });

export function intInRange(min: number, max: number) {
  const expected = `expected an integer from ${min} to ${max}`;
  return z
    .number({ error: expected })
    .int({ error: expected })
    .min(min, { error: expected })
    .max(max, { error: expected });
}

export function numberInRange(min: number, max: number) {
  const expected = `expected a number from ${min} to ${max}`;
  return z.number({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
}
