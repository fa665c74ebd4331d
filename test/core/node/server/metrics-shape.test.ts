import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsJsonSchemaText, metricsSchema } from '../../../../core/node/server/metrics-shape.ts';
import { call, get, httpApi, mock, restApi, serve } from '../helpers.ts';

const KEY = 'alice-0123456789abcdef';

describe('GET /_gatelab/metrics', () => {
  it('ships a JSON Schema that equals a fresh generation from the zod shape', () => {
    const shipped = readFileSync(new URL('../../../../schema/gatelab.metrics.schema.json', import.meta.url), 'utf8');
    expect(shipped).toBe(metricsJsonSchemaText());
  });

  it('returns REST metrics, buckets and quotas in the documented shape', async () => {
    const config = restApi(
      [{ method: 'GET', path: '/pets', apiKeyRequired: true, integration: mock('[]') }],
      {
        cacheClusterEnabled: true,
        methodSettings: { '*/*': { throttlingRateLimit: 5, throttlingBurstLimit: 1, cachingEnabled: true } },
      },
      {
        usagePlans: [{ id: 'free', quota: { limit: 9, period: 'DAY' }, apiStages: [{ apiId: 'shop', stage: 'prod' }] }],
        apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['free'] }],
      },
    );
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/prod/pets', { 'x-api-key': KEY });
    await get(server, '/prod/pets', { 'x-api-key': KEY });
    await call(server, 'POST', '/_gatelab/clock', { body: '{"advanceMs":1000}' });
    await get(server, '/prod/pets', { 'x-api-key': KEY });
    const reply = await get(server, '/_gatelab/metrics');
    expect(reply.headers['content-type']).toBe('application/json');
    const body = metricsSchema.parse(reply.json());
    const stage = body.stages.find((s) => s.stage === 'prod')!;
    expect(stage.metrics).toMatchObject({ Count: 3, '4XXError': 1, CacheHitCount: 1, CacheMissCount: 1 });
    expect(stage.metrics.ThrottleCount.stage).toBe(1);
    expect(stage.perSecond.reduce((sum, p) => sum + p.count, 0)).toBe(3);
    expect(body.routes.map((r) => r.routeKey)).toEqual(['GET /pets']);
    expect(body.buckets.map((b) => b.id)).toContain('stage:shop/prod:GET /pets');
    expect(body.quotas).toEqual([expect.objectContaining({ id: 'quota:free:alice', used: 2, remaining: 7 })]);
  });

  it('names HTTP API errors 4xx/5xx', async () => {
    const server = await serve(httpApi([{ method: 'GET', path: '/a', integration: mock('a') }]));
    await get(server, '/missing');
    const body = metricsSchema.parse((await get(server, '/_gatelab/metrics')).json());
    expect(body.stages[0]!.metrics).toMatchObject({ Count: 1, '4xx': 1, '5xx': 0 });
    expect(body.stages[0]!.metrics.CacheHitCount).toBeUndefined();
  });
});
