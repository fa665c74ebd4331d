import { describe, expect, it } from 'vitest';
import { call, get, mock, serve, type Json } from '../helpers.ts';

const counted = mock('{"n":${integration.callCount}}');

function cachedStage(name: string, extra: Json = {}): Json {
  return {
    name,
    cacheClusterEnabled: true,
    methodSettings: { '*/*': { cachingEnabled: true, cacheTtlInSeconds: 300 } },
    ...extra,
  };
}

const config: Json = {
  formatVersion: 1,
  apis: [
    {
      id: 'shop',
      routes: [{ method: 'GET', path: '/item', integration: counted }],
      stages: [
        cachedStage('prod'),
        cachedStage('fail', { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' }),
        cachedStage('warn', { unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' }),
        cachedStage('quiet', { unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITHOUT_RESPONSE_HEADER' }),
        { name: 'nocache' },
      ],
    },
  ],
};

const REFRESH = { 'cache-control': 'max-age=0' };
const WARNING = '199 Cache-control headers were ignored because the caller was unauthorized.';

describe('the stage cache over real HTTP', () => {
  it('marks a first GET MISS and the next HIT with the same body', async () => {
    const server = await serve(config, { clock: 'manual' });
    const first = await get(server, '/prod/item');
    const second = await get(server, '/prod/item');
    expect([first.headers['x-gatelab-cache'], first.body]).toEqual(['MISS', '{"n":1}']);
    expect([second.headers['x-gatelab-cache'], second.body]).toEqual(['HIT', '{"n":1}']);
    expect(second.headers['x-amzn-requestid']).not.toBe(first.headers['x-amzn-requestid']);
    expect((await get(server, '/nocache/item')).headers['x-gatelab-cache']).toBeUndefined();
  });

  it('refreshes on an authorized Cache-Control: max-age=0', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/prod/item');
    const refreshed = await get(server, '/prod/item', { ...REFRESH, 'x-gatelab-invalidate': 'allow' });
    expect([refreshed.headers['x-gatelab-cache'], refreshed.body]).toEqual(['MISS', '{"n":2}']);
    expect((await get(server, '/prod/item')).body).toBe('{"n":2}');
  });

  it('FAIL_WITH_403 refuses an unauthorized invalidation', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/fail/item');
    const reply = await get(server, '/fail/item', REFRESH);
    expect([reply.status, reply.body]).toEqual([403, '{"message":"Unauthorized"}']);
    expect(reply.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  });

  it('SUCCEED_WITH_RESPONSE_HEADER serves the cached entry with a Warning', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/warn/item');
    const reply = await get(server, '/warn/item', REFRESH);
    expect([reply.status, reply.body, reply.headers['x-gatelab-cache']]).toEqual([200, '{"n":1}', 'HIT']);
    expect(reply.headers['warning']).toBe(WARNING);
  });

  it('SUCCEED_WITHOUT_RESPONSE_HEADER serves the cached entry silently', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/quiet/item');
    const reply = await get(server, '/quiet/item', REFRESH);
    expect([reply.status, reply.body, reply.headers['x-gatelab-cache']]).toEqual([200, '{"n":1}', 'HIT']);
    expect(reply.headers['warning']).toBeUndefined();
  });

  it('expires an entry once the manual clock passes its TTL', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/prod/item');
    await call(server, 'POST', '/_gatelab/clock', { body: '{"advanceMs":300000}' });
    expect((await get(server, '/prod/item')).headers['x-gatelab-cache']).toBe('MISS');
  });

  it('DELETE /_gatelab/cache?stage=S flushes one stage, and 404s for a stage without a cache', async () => {
    const server = await serve(config, { clock: 'manual' });
    await get(server, '/prod/item');
    await get(server, '/warn/item');
    const flushed = await call(server, 'DELETE', '/_gatelab/cache?stage=prod');
    expect(flushed.status).toBe(200);
    expect(flushed.json()).toEqual({ status: 'flushed', apiId: 'shop', stage: 'prod' });
    expect((await get(server, '/prod/item')).headers['x-gatelab-cache']).toBe('MISS');
    expect((await get(server, '/warn/item')).headers['x-gatelab-cache']).toBe('HIT');
    expect((await call(server, 'DELETE', '/_gatelab/cache?stage=prod&apiId=shop')).status).toBe(200);
    const none = await call(server, 'DELETE', '/_gatelab/cache?stage=nocache');
    expect(none.status).toBe(404);
    expect(none.json()).toEqual({ message: 'Stage nocache of API shop has no cache' });
    expect((await call(server, 'DELETE', '/_gatelab/cache')).status).toBe(400);
  });
});
