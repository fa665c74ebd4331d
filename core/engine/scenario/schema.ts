import { z } from 'zod';
import { identifier, intInRange, nonEmptyString, numberInRange, oneOf, stringMap } from '../config/zod-helpers.ts';
import { object, paramMapSchema, positiveAtMost, positiveNumber } from './generator-schema.ts';

/** The methods a request can be sent with (`ANY` exists only on routes). */
export const REQUEST_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
/** `uniform` spaces arrivals evenly; `poisson` draws exponential gaps (SPEC §9). */
export const ARRIVAL_KINDS = ['uniform', 'poisson'] as const;
/** Retry jitter: `full` U[0, d), `equal` d/2 + U[0, d/2), `none` d (SPEC §9). */
export const JITTER_KINDS = ['full', 'equal', 'none'] as const;
/** The virtual clock's epoch when a scenario gives no `startTime` (SPEC §9). */
export const DEFAULT_START_TIME = '2026-01-01T00:00:00Z';

const MAX_DURATION_SECONDS = 31 * 86_400;
const MAX_RATE = 10_000_000;
const MAX_DELAY_MS = 3_600_000;
const text = z.string({ error: 'expected a string' });

const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,3})?Z$/;
const ISO_EXPECTED = `expected an ISO-8601 UTC time such as "${DEFAULT_START_TIME}"`;

/** Date.parse rolls 2026-02-30 over to March, so the round trip rejects days that don't exist. */
function isIsoUtc(value: string): boolean {
  const match = ISO_UTC.exec(value);
  if (match === null) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === `${match[1]}T${match[2]}`;
}

const stageName = z
  .string({ error: 'expected a string' })
  .regex(/^(\$default|[A-Za-z0-9_-]+)$/, { error: 'expected letters, digits, "_" or "-" (or "$default")' });

const requestMethod = oneOf(REQUEST_METHODS);

const phaseSchema = object({
  durationSeconds: positiveAtMost(MAX_DURATION_SECONDS),
  rate: numberInRange(0, MAX_RATE),
  rampTo: numberInRange(0, MAX_RATE).optional(),
});

const mixEntrySchema = object({
  weight: positiveNumber.default(1),
  method: requestMethod.default('GET'),
  path: z
    .string({ error: 'expected a string' })
    .regex(/^\/[^?#\s]*$/, { error: 'expected a path starting with "/", without "?", "#" or spaces' }),
  params: paramMapSchema.optional(),
  query: paramMapSchema.optional(),
  headers: paramMapSchema.optional(),
  body: text.optional(),
  apiId: identifier.optional(),
  stage: stageName.optional(),
});

const retrySchema = object({
  on: z.array(intInRange(100, 599), { error: 'expected an array of status codes' }).default([429]),
  maxAttempts: intInRange(1, 100).default(3),
  baseDelayMs: numberInRange(0, MAX_DELAY_MS).default(100),
  maxDelayMs: numberInRange(0, MAX_DELAY_MS).default(20_000),
  jitter: oneOf(JITTER_KINDS).default('full'),
});

const clientSchema = object({
  name: nonEmptyString,
  apiKey: nonEmptyString.optional(),
  share: positiveNumber.default(1),
  retry: retrySchema.optional(),
});

const concurrencySchema = object({
  connections: intInRange(1, 100_000),
  durationSeconds: positiveAtMost(MAX_DURATION_SECONDS),
  rttMs: numberInRange(0, 600_000).default(1),
  maxRequests: intInRange(1, Number.MAX_SAFE_INTEGER).optional(),
});

const traceEntrySchema = object({
  at: numberInRange(0, MAX_DURATION_SECONDS * 1000),
  count: intInRange(1, 1_000_000).default(1),
  method: requestMethod.default('GET'),
  path: z
    .string({ error: 'expected a string' })
    .regex(/^\/[^#\s]*$/, { error: 'expected a path starting with "/", without "#" or spaces' }),
  headers: stringMap.optional(),
  body: text.optional(),
  apiId: identifier.optional(),
  client: nonEmptyString.optional(),
});

/** Every scenario field; `parseScenario` adds that exactly one of phases, concurrency and trace is given. */
export const scenarioSchema = object({
  formatVersion: z.literal(1, { error: 'expected 1' }),
  name: nonEmptyString,
  description: text.optional(),
  target: object({ apiId: identifier, stage: stageName }),
  startTime: z.string({ error: ISO_EXPECTED }).refine(isIsoUtc, { error: ISO_EXPECTED }).default(DEFAULT_START_TIME),
  seed: intInRange(0, 4_294_967_295).default(1),
  mode: oneOf(['virtual', 'live']).optional(),
  arrivals: oneOf(ARRIVAL_KINDS).default('uniform'),
  phases: z
    .array(phaseSchema, { error: 'expected an array of phases' })
    .min(1, { error: 'expected at least one phase' })
    .optional(),
  concurrency: concurrencySchema.optional(),
  trace: z
    .array(traceEntrySchema, { error: 'expected an array of trace entries' })
    .min(1, { error: 'expected at least one trace entry' })
    .optional(),
  mix: z
    .array(mixEntrySchema, { error: 'expected an array of mix entries' })
    .min(1, { error: 'expected at least one mix entry' })
    .default([{ weight: 1, method: 'GET', path: '/' }]),
  clients: z.array(clientSchema, { error: 'expected an array of clients' }).default([]),
});

type ParsedScenario = z.output<typeof scenarioSchema>;
type ScenarioBase = Omit<ParsedScenario, 'phases' | 'concurrency' | 'trace'>;

/** An open-loop phase: `rate` arrivals/s, or a linear ramp from `rate` to `rampTo`. */
export type Phase = z.output<typeof phaseSchema>;
/** A weighted request template of the mix. */
export type MixEntry = z.output<typeof mixEntrySchema>;
/** A simulated caller: its API key, its share of the requests and its retry policy. */
export type ClientConfig = z.output<typeof clientSchema>;
/** A client's retry policy, defaults filled (SPEC §9 Traffic). */
export type RetryPolicy = z.output<typeof retrySchema>;
/** A closed loop: `connections` callers sending back to back for `durationSeconds`. */
export type ConcurrencyConfig = z.output<typeof concurrencySchema>;
/** One exact arrival (or `count` of them) at `at` ms, with its wire path. */
export type TraceEntry = z.output<typeof traceEntrySchema>;
export type ArrivalKind = (typeof ARRIVAL_KINDS)[number];
export type JitterKind = (typeof JITTER_KINDS)[number];
export type RequestMethod = (typeof REQUEST_METHODS)[number];

/** A validated scenario with defaults filled: still valid scenario JSON, so reports can embed it as is. */
export type Scenario = ScenarioBase &
  (
    | { phases: Phase[]; concurrency?: never; trace?: never }
    | { concurrency: ConcurrencyConfig; phases?: never; trace?: never }
    | { trace: TraceEntry[]; phases?: never; concurrency?: never }
  );

/** A scenario as written, before defaults. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
