import { describe, expect, it } from 'vitest';
import { call, get, mock, restApi, serve, type Json } from '../helpers.ts';

const KEY = 'alice-0123456789abcdef';

function shop(body: string): Json {
  return restApi(
    [
      { method: 'GET', path: '/pets', integration: mock(body) },
      { method: 'GET', path: '/mine', apiKeyRequired: true, integration: mock('mine') },
    ],
    { methodSettings: { 'GET /pets': { throttlingRateLimit: 1, throttlingBurstLimit: 2 } } },
    {
      usagePlans: [{ id: 'daily', quota: { limit: 2, period: 'DAY' }, apiStages: [{ apiId: 'shop', stage: 'prod' }] }],
      apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['daily'] }],
    },
  );
}

const statuses = async (server: { url: string }, path: string, count: number, headers = {}): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await get(server, path, headers)).status);
  return out;
};

const advance = (server: { url: string }, ms: number) =>
  call(server, 'POST', '/_gatelab/clock', { body: JSON.stringify({ advanceMs: ms }) });

describe('admin endpoints', () => {
  it('answers health and reads the config', async () => {
    const server = await serve(shop('v1'));
    const health = await get(server, '/_gatelab/health');
    expect([health.status, health.body]).toEqual([200, '{"status":"ok"}']);
    const config = (await get(server, '/_gatelab/config')).json() as Json;
    expect((config.apis as Json[])[0]!.id).toBe('shop');
  });

  it('hot-swaps a config with PUT, keeping bucket levels', async () => {
    const server = await serve(shop('v1'), { clock: 'manual' });
    expect(await statuses(server, '/prod/pets', 3)).toEqual([200, 200, 429]);
    const put = await call(server, 'PUT', '/_gatelab/config', { body: JSON.stringify(shop('v2')) });
    expect([put.status, put.body]).toEqual([200, '{"status":"applied"}']);
    expect((await get(server, '/prod/pets')).status).toBe(429);
    await advance(server, 1000);
    expect((await get(server, '/prod/pets')).body).toBe('v2');
    const config = (await get(server, '/_gatelab/config')).json() as { apis: Array<{ routes: Json[] }> };
    expect(config.apis[0]!.routes[0]!.integration).toMatchObject({ body: 'v2' });
  });

  it('rejects an invalid config with 400 and one line per problem, keeping the old one', async () => {
    const server = await serve(shop('v1'));
    const bad = shop('v2');
    (bad.apis as Json[])[0]!.stages = [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 'fast' } } }];
    const reply = await call(server, 'PUT', '/_gatelab/config', { body: JSON.stringify(bad) });
    expect(reply.status).toBe(400);
    const body = reply.json() as { message: string; errors: string[] };
    expect(body.message).toBe('Invalid config');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatch(
      /^apis\[0\]\.stages\[0\]\.methodSettings\["\*\/\*"\]\.throttlingRateLimit: .*"fast"/,
    );
    const malformed = await call(server, 'PUT', '/_gatelab/config', { body: '{"formatVersion":' });
    expect(malformed.status).toBe(400);
    expect((malformed.json() as { errors: string[] }).errors[0]).toMatch(/^malformed JSON/);
    expect((await get(server, '/prod/pets')).body).toBe('v1');
  });

  it('POST /_gatelab/reset refills buckets and clears quotas', async () => {
    const server = await serve(shop('v1'), { clock: 'manual' });
    expect(await statuses(server, '/prod/pets', 3)).toEqual([200, 200, 429]);
    expect(await statuses(server, '/prod/mine', 3, { 'x-api-key': KEY })).toEqual([200, 200, 429]);
    expect((await call(server, 'POST', '/_gatelab/reset')).json()).toEqual({ status: 'reset' });
    expect(await statuses(server, '/prod/pets', 1)).toEqual([200]);
    expect(await statuses(server, '/prod/mine', 1, { 'x-api-key': KEY })).toEqual([200]);
  });

  it('the manual clock refills a bucket and starts a new DAY quota period', async () => {
    const server = await serve(shop('v1'), { clock: 'manual' });
    expect(await statuses(server, '/prod/pets', 3)).toEqual([200, 200, 429]);
    const before = (await get(server, '/_gatelab/metrics')).json() as { time: number };
    const moved = await advance(server, 999);
    expect(moved.status).toBe(200);
    expect((moved.json() as { now: number }).now).toBe(before.time + 999);
    expect((await get(server, '/prod/pets')).status).toBe(429);
    await advance(server, 1);
    expect(await statuses(server, '/prod/pets', 2)).toEqual([200, 429]);

    expect(await statuses(server, '/prod/mine', 3, { 'x-api-key': KEY })).toEqual([200, 200, 429]);
    await advance(server, 86_400_000);
    expect(await statuses(server, '/prod/mine', 1, { 'x-api-key': KEY })).toEqual([200]);
  });

  it('refuses to move the system clock with 409, and a bad advance with 400', async () => {
    const system = await serve(shop('v1'));
    const refused = await advance(system, 1000);
    expect(refused.status).toBe(409);
    expect((refused.json() as { message: string }).message).toMatch(/--clock manual/);
    const manual = await serve(shop('v1'), { clock: 'manual' });
    expect((await call(manual, 'POST', '/_gatelab/clock', { body: '{"advanceMs":-5}' })).status).toBe(400);
    expect((await call(manual, 'POST', '/_gatelab/clock', { body: 'soon' })).status).toBe(400);
  });

  it('404s an unknown admin endpoint and 405s a wrong method', async () => {
    const server = await serve(shop('v1'));
    expect((await get(server, '/_gatelab/nothing')).status).toBe(404);
    const wrong = await call(server, 'DELETE', '/_gatelab/config');
    expect([wrong.status, wrong.headers['allow']]).toEqual([405, 'GET, PUT']);
  });

  it('requires the admin token when not bound to loopback', async () => {
    const server = await serve(shop('v1'), { requireAdminToken: true, adminToken: 'sesame-token' });
    expect(server.adminTokenRequired).toBe(true);
    const refused = await get(server, '/_gatelab/health');
    expect(refused.status).toBe(401);
    expect(refused.headers['x-amzn-requestid']).toBeDefined();
    expect((await get(server, '/_gatelab/health', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(server, '/_gatelab/health', { authorization: 'Bearer sesame-token' })).status).toBe(200);
    expect((await get(server, '/_gatelab/metrics', { 'x-gatelab-token': 'sesame-token' })).status).toBe(200);
    expect((await call(server, 'POST', '/_gatelab/reset', { body: '' })).status).toBe(401);
    expect((await get(server, '/prod/pets')).status).toBe(200);
  });

  it('needs no token on loopback and prints a random one otherwise', async () => {
    const server = await serve(shop('v1'));
    expect(server.adminTokenRequired).toBe(false);
    expect(server.adminToken.length).toBeGreaterThanOrEqual(20);
  });
});
