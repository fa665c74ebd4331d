import { z } from 'zod';
import type { BucketLevel, QuotaUsage } from '../../engine/gateway/gateway-snapshots.ts';
import type { DimensionSnapshot } from '../../engine/metrics/gateway-metrics.ts';

const count = z.number().int().min(0);

const latencySummary = z
  .strictObject({
    count,
    p50: z.number().min(0),
    p90: z.number().min(0),
    p99: z.number().min(0),
    max: z.number().min(0),
    mean: z.number().min(0),
  })
  .meta({ id: 'LatencySummary', description: 'Latency percentiles in ms.' });

const secondPoint = z
  .strictObject({
    second: z.number().int().describe('Seconds since the Unix epoch.'),
    count: z.number().min(0),
    errors4xx: z.number().min(0),
    errors5xx: z.number().min(0),
    cacheHits: z.number().min(0),
    cacheMisses: z.number().min(0),
    throttled: z.number().min(0),
    integrationCalls: z.number().min(0),
  })
  .meta({ id: 'SecondPoint', description: 'The counters of one second.' });

const dimension = z
  .strictObject({
    apiId: z.string(),
    stage: z.string(),
    routeKey: z.string().nullable().describe('`METHOD /path` or `$default`; null for a whole stage.'),
    metrics: z
      .strictObject({
        Count: count,
        '4XXError': count.optional().describe('REST APIs.'),
        '5XXError': count.optional().describe('REST APIs.'),
        '4xx': count.optional().describe('HTTP APIs.'),
        '5xx': count.optional().describe('HTTP APIs.'),
        CacheHitCount: count.optional().describe('REST APIs.'),
        CacheMissCount: count.optional().describe('REST APIs.'),
        Latency: latencySummary,
        IntegrationLatency: latencySummary,
        ThrottleCount: z.strictObject({ usagePlan: count, stage: count, account: count, quota: count }),
        IntegrationCalls: count,
      })
      .describe('CloudWatch-named metrics (SPEC §5), plus ThrottleCount by layer.'),
    perSecond: z.array(secondPoint).describe('The last hour, oldest first.'),
  })
  .meta({ id: 'Dimension', description: 'The metrics of one API stage, or of one of its routes.' });

const bucket = z
  .strictObject({ id: z.string(), rate: z.number(), burst: z.number(), level: z.number() })
  .meta({ id: 'Bucket', description: 'A token bucket (ids as in SPEC §9) and its level now.' });

const quota = z
  .strictObject({
    id: z.string(),
    planId: z.string(),
    keyId: z.string(),
    limit: z.number(),
    period: z.enum(['DAY', 'WEEK', 'MONTH']),
    used: count,
    remaining: z.number(),
    resetsAt: z.number().describe('Epoch ms when the current period ends.'),
  })
  .meta({ id: 'Quota', description: 'A usage-plan quota of one API key.' });

/** The body of `GET /_gatelab/metrics`. */
export const metricsSchema = z
  .strictObject({
    time: z.number().describe("The gateway clock's time (epoch ms) when the snapshot was taken."),
    stages: z.array(dimension),
    routes: z.array(dimension),
    buckets: z.array(bucket),
    quotas: z.array(quota),
  })
  .describe('A snapshot of a running gatelab serve: metrics per stage and route, buckets and quotas.');

export type MetricsBody = z.output<typeof metricsSchema>;

// Compile-time proof that the engine's snapshots fit the published shape.
type Fits<Engine, Published> = Engine extends Published ? true : never;
const fits: [
  Fits<DimensionSnapshot, MetricsBody['stages'][number]>,
  Fits<BucketLevel, MetricsBody['buckets'][number]>,
  Fits<QuotaUsage, MetricsBody['quotas'][number]>,
] = [true, true, true];
void fits;

/** The JSON Schema (draft 2020-12) of the metrics body, as shipped in `schema/gatelab.metrics.schema.json`. */
export function metricsJsonSchemaText(): string {
  const generated = z.toJSONSchema(metricsSchema, { io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, title: 'Gatelab metrics', ...rest }, null, 2)}\n`;
}
