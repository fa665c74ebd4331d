import { request } from 'undici';
import { expect } from 'vitest';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';
import type { LiveRunReport } from '../../../../core/node/live/live-report.ts';
import type { MetricsBody } from '../../../../core/node/server/metrics-shape.ts';

export const KEY = 'alice-0123456789abcdef';

/** A REST API with a cached route, stage and usage-plan throttles low enough to throttle at 200 rps. */
export const liveConfigJson = {
  formatVersion: 1,
  apis: [
    {
      id: 'shop',
      routes: [
        {
          method: 'GET',
          path: '/items/{id}',
          apiKeyRequired: true,
          cacheKeyParameters: ['method.request.path.id'],
          integration: { type: 'MOCK', body: '{"id":"${method.request.path.id}"}' },
        },
        { method: 'POST', path: '/orders', integration: { type: 'MOCK', statusCode: 201 } },
      ],
      stages: [
        {
          name: 'prod',
          cacheClusterEnabled: true,
          methodSettings: {
            '*/*': { throttlingRateLimit: 1000, throttlingBurstLimit: 1000, cachingEnabled: true },
            'POST /orders': { throttlingRateLimit: 20, throttlingBurstLimit: 10 },
          },
        },
      ],
    },
  ],
  usagePlans: [
    { id: 'basic', throttle: { rateLimit: 100, burstLimit: 20 }, apiStages: [{ apiId: 'shop', stage: 'prod' }] },
  ],
  apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['basic'] }],
};

export function liveConfig(): GatewayConfig {
  const parsed = parseConfig(liveConfigJson);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** A mix with cache hits and misses, usage-plan and stage throttles, and Missing Authentication Tokens. */
export const liveMix = [
  { weight: 6, method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 30 } } } },
  { weight: 3, method: 'POST', path: '/orders', body: '{}' },
  { weight: 1, method: 'GET', path: '/nowhere' },
];

export function liveScenario(extra: Record<string, unknown>): Scenario {
  const parsed = parseScenario({
    formatVersion: 1,
    name: 'Live check',
    target: { apiId: 'shop', stage: 'prod' },
    seed: 3,
    mix: liveMix,
    clients: [{ name: 'alice', apiKey: KEY }],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

export async function fetchMetrics(url: string): Promise<MetricsBody> {
  const response = await request(`${url}/_gatelab/metrics`);
  return (await response.body.json()) as MetricsBody;
}

/** The report agrees with the gateway's own counters for stage `prod` of `shop`. */
export function expectConsistent(report: LiveRunReport, metrics: MetricsBody): void {
  const stage = metrics.stages.find((d) => d.apiId === 'shop' && d.stage === 'prod');
  expect(stage).toBeDefined();
  const m = stage!.metrics;
  const t = report.totals;
  expect(t.sent).toBe(m.Count);
  expect(t.throttledBy).toEqual({
    usagePlan: m.ThrottleCount.usagePlan,
    stage: m.ThrottleCount.stage,
    account: m.ThrottleCount.account,
  });
  expect(t.quotaExceeded).toBe(m.ThrottleCount.quota);
  expect(t.cacheHits).toBe(m.CacheHitCount);
  expect(t.cacheMisses).toBe(m.CacheMissCount);
  expect(t.clientErrors).toBe(m['4XXError']);
  expect(t.serverErrors).toBe(m['5XXError']);
  expect(t.integrationCalls).toBe(m.IntegrationCalls);
}
