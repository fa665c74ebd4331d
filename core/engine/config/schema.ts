import { z } from 'zod';
import {
  bool,
  burstLimit,
  identifier,
  intInRange,
  nonEmptyString,
  numberInRange,
  oneOf,
  rateLimit,
  strictObject,
  strictShape,
  withExtensionKeys,
  stringMap,
} from './zod-helpers.ts';

export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'] as const;
export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const;
export const CACHE_STRATEGIES = [
  'FAIL_WITH_403',
  'SUCCEED_WITH_RESPONSE_HEADER',
  'SUCCEED_WITHOUT_RESPONSE_HEADER',
] as const;

const latencyModel = z.union(
  [
    numberInRange(0, 600_000),
    strictObject({ p50: numberInRange(0, 600_000), p99: numberInRange(0, 600_000) }).refine((l) => l.p99 >= l.p50, {
      error: 'expected p99 ≥ p50',
      path: ['p99'],
    }),
  ],
  { error: 'expected a latency in ms or { "p50": ms, "p99": ms }' },
);

const errorModel = {
  latencyMs: latencyModel.optional(),
  errorRate: numberInRange(0, 1).optional(),
  errorStatusCode: intInRange(400, 599).optional(),
};

const mockIntegration = strictShape({
  type: z.literal('MOCK'),
  statusCode: intInRange(100, 599).optional(),
  headers: stringMap.optional(),
  body: z.string({ error: 'expected a string' }).optional(),
  ...errorModel,
});

const httpProxyIntegration = strictShape({
  type: z.literal('HTTP_PROXY'),
  uri: nonEmptyString,
  httpMethod: oneOf(HTTP_METHODS).optional(),
  timeoutInMillis: intInRange(50, 29_000).optional(),
  ...errorModel,
});

const lambdaIntegration = strictShape({
  type: z.literal('LAMBDA'),
  code: z.string({ error: 'expected a string' }).optional(),
  file: nonEmptyString.optional(),
  timeoutMs: intInRange(1, 900_000).optional(),
  coldStartMs: numberInRange(0, 600_000).optional(),
  reservedConcurrency: intInRange(0, 100_000).optional(),
  ...errorModel,
});

export const integrationSchema = withExtensionKeys(
  z.discriminatedUnion('type', [mockIntegration, httpProxyIntegration, lambdaIntegration], {
    // A bad or missing `type` is reported at `….type`; anything but an object, at the integration itself.
    error: (issue) =>
      issue.input !== null && typeof issue.input === 'object' && !Array.isArray(issue.input)
        ? 'expected "MOCK", "HTTP_PROXY" or "LAMBDA"'
        : 'expected an integration object with "type" "MOCK", "HTTP_PROXY" or "LAMBDA"',
  }),
);

export const routeSchema = strictObject({
  method: oneOf(HTTP_METHODS).optional(),
  path: nonEmptyString,
  apiKeyRequired: bool.optional(),
  cacheKeyParameters: z
    .array(
      z.string({ error: 'expected a string' }).regex(/^method\.request\.(path|querystring|header)\.[^.\s]+$/, {
        error: 'expected "method.request.path.X", "method.request.querystring.X" or "method.request.header.X"',
      }),
      { error: 'expected an array' },
    )
    .optional(),
  integration: integrationSchema.optional(),
});

export const deploymentSchema = strictObject({
  id: identifier,
  description: z.string({ error: 'expected a string' }).optional(),
  createdAt: z.string({ error: 'expected a string' }).optional(),
  routes: z.array(routeSchema, { error: 'expected an array of routes' }),
});

export const methodSettingSchema = strictObject({
  throttlingRateLimit: rateLimit.optional(),
  throttlingBurstLimit: burstLimit.optional(),
  cachingEnabled: bool.optional(),
  // Above 3600 is accepted and clamped, with a lint warning, so a hand-written config still runs.
  cacheTtlInSeconds: intInRange(0, 1_000_000).optional(),
});

export const canarySettingsSchema = strictObject({
  deploymentId: identifier,
  percentTraffic: numberInRange(0, 100).optional(),
  stageVariableOverrides: stringMap.optional(),
  useStageCache: bool.optional(),
});

export const stageSchema = strictObject({
  name: z
    .string({ error: 'expected a string' })
    .regex(/^(\$default|[A-Za-z0-9_-]+)$/, { error: 'expected letters, digits, "_" or "-" (or "$default")' }),
  description: z.string({ error: 'expected a string' }).optional(),
  deploymentId: identifier.optional(),
  autoDeploy: bool.optional(),
  variables: stringMap.optional(),
  methodSettings: z.record(z.string(), methodSettingSchema, { error: 'expected an object' }).optional(),
  cacheClusterEnabled: bool.optional(),
  cacheClusterSize: oneOf(CACHE_CLUSTER_SIZES).optional(),
  requireAuthorizationForCacheControl: bool.optional(),
  unauthorizedCacheControlHeaderStrategy: oneOf(CACHE_STRATEGIES).optional(),
  canarySettings: canarySettingsSchema.optional(),
});

export const apiSchema = strictObject({
  id: identifier,
  name: z.string({ error: 'expected a string' }).optional(),
  description: z.string({ error: 'expected a string' }).optional(),
  protocol: oneOf(['REST', 'HTTP']).default('REST'),
  routes: z.array(routeSchema, { error: 'expected an array of routes' }).default([]),
  deployments: z.array(deploymentSchema, { error: 'expected an array of deployments' }).default([]),
  stages: z.array(stageSchema, { error: 'expected an array of stages' }).default([]),
});

const planThrottleSchema = strictObject({ rateLimit: rateLimit.optional(), burstLimit: burstLimit.optional() });

export const usagePlanSchema = strictObject({
  id: identifier,
  name: z.string({ error: 'expected a string' }).optional(),
  description: z.string({ error: 'expected a string' }).optional(),
  throttle: planThrottleSchema.optional(),
  quota: strictObject({
    limit: intInRange(0, Number.MAX_SAFE_INTEGER),
    period: oneOf(['DAY', 'WEEK', 'MONTH']),
    offset: intInRange(0, Number.MAX_SAFE_INTEGER).optional(),
  })
    .refine((q) => (q.offset ?? 0) <= q.limit, { error: 'expected offset ≤ limit', path: ['offset'] })
    .optional(),
  apiStages: z
    .array(
      strictObject({
        apiId: identifier,
        stage: nonEmptyString,
        throttle: z.record(z.string(), planThrottleSchema, { error: 'expected an object' }).optional(),
      }),
      { error: 'expected an array' },
    )
    .default([]),
});

export const apiKeySchema = strictObject({
  id: identifier,
  name: z.string({ error: 'expected a string' }).optional(),
  description: z.string({ error: 'expected a string' }).optional(),
  // AWS requires API key values of at least 20 characters.
  value: z
    .string({ error: 'expected a string' })
    .min(20, { error: 'expected at least 20 characters, as AWS requires' })
    .max(128, { error: 'expected at most 128 characters' }),
  enabled: bool.default(true),
  usagePlanIds: z.array(identifier, { error: 'expected an array of usage plan ids' }).default([]),
});

export const testedSchema = strictObject({
  scenario: z.string({ error: 'expected a string' }),
  mode: oneOf(['virtual', 'live']),
  seed: z.number({ error: 'expected a number' }).int({ error: 'expected an integer' }),
  date: z.string({ error: 'expected a string' }),
  totals: z.record(z.string(), z.unknown()).optional(),
});

export const configSchema = strictObject({
  formatVersion: z.literal(1, { error: 'expected 1' }),
  name: z.string({ error: 'expected a string' }).default('Untitled'),
  description: z.string({ error: 'expected a string' }).optional(),
  account: strictObject({
    throttlingRateLimit: rateLimit.default(10_000),
    throttlingBurstLimit: burstLimit.default(5_000),
  }).default({ throttlingRateLimit: 10_000, throttlingBurstLimit: 5_000 }),
  apis: z.array(apiSchema, { error: 'expected an array of APIs' }),
  usagePlans: z.array(usagePlanSchema, { error: 'expected an array of usage plans' }).default([]),
  apiKeys: z.array(apiKeySchema, { error: 'expected an array of API keys' }).default([]),
  tested: testedSchema.optional(),
});

/** A parsed config with zod defaults applied: what the engine consumes. */
export type GatewayConfig = z.output<typeof configSchema>;
export type GatewayConfigInput = z.input<typeof configSchema>;
export type ApiConfig = GatewayConfig['apis'][number];
export type RouteConfig = z.output<typeof routeSchema>;
export type IntegrationConfig = z.output<typeof integrationSchema>;
export type StageConfig = z.output<typeof stageSchema>;
export type MethodSetting = z.output<typeof methodSettingSchema>;
export type DeploymentConfig = z.output<typeof deploymentSchema>;
export type UsagePlanConfig = GatewayConfig['usagePlans'][number];
export type ApiKeyConfig = GatewayConfig['apiKeys'][number];
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];
export type LatencyModel = z.output<typeof latencyModel>;
