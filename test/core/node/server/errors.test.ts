import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { call, get, httpApi, mock, restApi, serve, type Json } from '../helpers.ts';

const KEY = 'alice-0123456789abcdef';

const shop: Json = restApi(
  [
    { method: 'GET', path: '/pets', integration: mock('{"pets":[]}') },
    { method: 'POST', path: '/pets', integration: mock('${method.request.header.content-length}') },
    { method: 'GET', path: '/private', apiKeyRequired: true, integration: mock('secret') },
    { method: 'GET', path: '/broken', integration: mock('', { errorRate: 1, errorStatusCode: 503 }) },
  ],
  { methodSettings: { 'GET /pets': { throttlingRateLimit: 1, throttlingBurstLimit: 1 } } },
  {
    usagePlans: [{ id: 'free', quota: { limit: 1, period: 'DAY' }, apiStages: [{ apiId: 'shop', stage: 'prod' }] }],
    apiKeys: [{ id: 'alice', value: KEY, usagePlanIds: ['free'] }],
  },
);

const JSON_TYPE = 'application/json';

describe('SPEC §3 responses over real HTTP', () => {
  it('answers an unknown REST stage with 403 Forbidden', async () => {
    const server = await serve(shop, { clock: 'manual' });
    const reply = await get(server, '/dev/pets');
    expect(reply.status).toBe(403);
    expect(reply.body).toBe('{"message":"Forbidden"}');
    expect(reply.headers['content-type']).toBe(JSON_TYPE);
    expect(reply.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(reply.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown REST route with 403 Missing Authentication Token', async () => {
    const server = await serve(shop, { clock: 'manual' });
    const reply = await get(server, '/prod/cats');
    expect(reply.status).toBe(403);
    expect(reply.body).toBe('{"message":"Missing Authentication Token"}');
    expect(reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('answers a missing or unknown API key with 403 Forbidden', async () => {
    const server = await serve(shop, { clock: 'manual' });
    for (const headers of [{}, { 'x-api-key': 'nobody-0123456789abcdef' }]) {
      const reply = await get(server, '/prod/private', headers);
      expect([reply.status, reply.body]).toEqual([403, '{"message":"Forbidden"}']);
    }
    expect((await get(server, '/prod/private', { 'X-API-Key': KEY })).body).toBe('secret');
  });

  it('throttles with 429 TooManyRequestsException and no Retry-After', async () => {
    const server = await serve(shop, { clock: 'manual' });
    expect((await get(server, '/prod/pets')).status).toBe(200);
    const reply = await get(server, '/prod/pets');
    expect(reply.status).toBe(429);
    expect(reply.body).toBe('{"message":"Too Many Requests"}');
    expect(reply.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
    expect(reply.headers['x-gatelab-throttled-by']).toBe('stage');
    expect(reply.headers['retry-after']).toBeUndefined();
  });

  it('answers an exhausted quota with 429 Limit Exceeded', async () => {
    const server = await serve(shop, { clock: 'manual' });
    expect((await get(server, '/prod/private', { 'x-api-key': KEY })).status).toBe(200);
    const reply = await get(server, '/prod/private', { 'x-api-key': KEY });
    expect(reply.status).toBe(429);
    expect(reply.body).toBe('{"message":"Limit Exceeded"}');
    expect(reply.headers['x-amzn-errortype']).toBe('LimitExceededException');
    expect(reply.headers['x-gatelab-throttled-by']).toBe('quota');
    expect(reply.headers['retry-after']).toBeUndefined();
  });

  it('answers an unknown HTTP API route with 404 Not Found', async () => {
    const server = await serve(httpApi([{ method: 'GET', path: '/hello', integration: mock('hi') }]));
    expect((await get(server, '/hello')).body).toBe('hi');
    const reply = await get(server, '/nothing');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe('{"message":"Not Found"}');
    expect(reply.headers['x-amzn-errortype']).toBe('NotFoundException');
  });

  it('answers a MOCK error with its code and the internal-error body', async () => {
    const server = await serve(shop);
    const reply = await get(server, '/prod/broken');
    expect([reply.status, reply.body]).toEqual([503, '{"message":"Internal server error"}']);
  });

  it('refuses a body over 10,485,760 bytes with 413, declared or chunked', async () => {
    const server = await serve(shop);
    const declared = await call(server, 'POST', '/prod/pets', { body: 'x'.repeat(10_485_761) });
    expect(declared.status).toBe(413);
    expect(declared.body).toBe('{"message":"Request Too Long"}');
    expect(declared.headers['x-amzn-errortype']).toBe('RequestTooLongException');
    expect(declared.headers['x-amzn-requestid']).toBeDefined();
    const { request } = await import('undici');
    const chunk = Buffer.alloc(1 << 20, 120);
    const chunked = await request(`${server.url}/prod/pets`, {
      method: 'POST',
      body: Readable.from(
        (function* () {
          for (let i = 0; i < 11; i++) yield chunk;
        })(),
      ),
    });
    expect(chunked.statusCode).toBe(413);
    expect(await chunked.body.text()).toBe('{"message":"Request Too Long"}');
    const fits = await call(server, 'POST', '/prod/pets', { body: 'x'.repeat(10_485_760) });
    expect([fits.status, fits.body]).toEqual([200, '10485760']);
  });

  it('puts x-amzn-RequestId on every response, admin ones included', async () => {
    const server = await serve(shop, { clock: 'manual' });
    const paths = ['/prod/pets', '/prod/pets', '/nope', '/prod/x', '/_gatelab/health', '/_gatelab/nothing'];
    const ids = new Set<string>();
    for (const path of paths) {
      const id = (await get(server, path)).headers['x-amzn-requestid'];
      expect(id).toBeDefined();
      ids.add(id!);
    }
    expect(ids.size).toBe(paths.length);
  });

  it('leaves out the debug headers with debugHeaders: false', async () => {
    const server = await serve(shop, { clock: 'manual', debugHeaders: false });
    await get(server, '/prod/pets');
    const reply = await get(server, '/prod/pets');
    expect(reply.status).toBe(429);
    expect(reply.headers['x-gatelab-throttled-by']).toBeUndefined();
  });

  it('picks the API from Host: {apiId}.execute-api.localhost, else the first', async () => {
    const two: Json = {
      formatVersion: 1,
      apis: [
        { id: 'one', routes: [{ method: 'GET', path: '/', integration: mock('one') }], stages: [{ name: 's' }] },
        { id: 'two', routes: [{ method: 'GET', path: '/', integration: mock('two') }], stages: [{ name: 's' }] },
      ],
    };
    const server = await serve(two);
    expect((await get(server, '/s/')).body).toBe('one');
    const host = `two.execute-api.localhost:${server.port}`;
    expect((await get(server, '/s/', { host })).body).toBe('two');
    expect((await get(server, '/s/', { host: `three.execute-api.localhost:${server.port}` })).status).toBe(404);
  });
});
