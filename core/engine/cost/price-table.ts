import { z } from 'zod';
import { CACHE_CLUSTER_SIZES } from '../config/schema.ts';
import { strictObject } from '../config/zod-helpers.ts';
import { parseWith, type Validated } from '../validation/problem.ts';

const price = z
  .number({ error: 'expected a price ≥ 0' })
  .refine((n) => n >= 0 && Number.isFinite(n), { error: 'expected a price ≥ 0' });
const positive = z
  .number({ error: 'expected a number > 0' })
  .refine((n) => n > 0 && Number.isFinite(n), { error: 'expected a number > 0' });
const count = z
  .number({ error: 'expected an integer ≥ 0' })
  .int({ error: 'expected an integer ≥ 0' })
  .min(0, { error: 'expected an integer ≥ 0' });

const tier = strictObject({ millions: positive.nullable(), perMillion: price });

const tiers = z
  .array(tier, { error: 'expected an array of tiers' })
  .min(1, { error: 'expected at least one tier' })
  .superRefine((list, ctx) => {
    list.forEach((t, i) => {
      const last = i === list.length - 1;
      if (last === (t.millions === null)) return;
      const message = last
        ? 'expected null on the last tier, which takes every request above the others'
        : 'expected a number of millions: only the last tier may be null';
      ctx.addIssue({ code: 'custom', path: [i, 'millions'], message, input: t.millions });
    });
  });

const cacheHourly = strictObject(
  Object.fromEntries(CACHE_CLUSTER_SIZES.map((size) => [size, price])) as Record<
    (typeof CACHE_CLUSTER_SIZES)[number],
    typeof price
  >,
);

/** The schema of `data/prices-*.json`. */
const priceTableSchema = strictObject({
  region: z.string({ error: 'expected a string' }),
  date: z.string({ error: 'expected a string' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' }),
  currency: z.string({ error: 'expected a string' }),
  note: z.string({ error: 'expected a string' }).optional(),
  requestTiers: strictObject({ REST: tiers, HTTP: tiers }),
  cacheHourly,
  hoursPerMonth: positive,
  freeTier: strictObject({ REST: count, HTTP: count, months: count }),
});

/**
 * One price tier: the next `millions` million requests of the month cost `perMillion` each million;
 * `millions: null` (only on the last tier) covers every request above the tiers before it.
 */
export type PriceTier = z.output<typeof tier>;

/**
 * A dated regional price list for API Gateway: request tiers per protocol, the hourly price of each
 * cache cluster size, the hours billed per month and the free tier. The engine takes it as input;
 * the Node side loads it from `data/prices-us-east-1.json`, which users may edit.
 */
export type PriceTable = z.output<typeof priceTableSchema>;

/** Validates a price table read from JSON; every problem names its JSON path. */
export function parsePriceTable(value: unknown): Validated<PriceTable> {
  return parseWith(priceTableSchema, value);
}
