import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, get, httpApi, onCleanup, restApi, serve, type Json } from '../helpers.ts';

const ECHO_ESM =
  'export const handler = async (event, context) => ({ statusCode: 200, body: JSON.stringify({ event, id: context.awsRequestId }) });';

const lambda = (extra: Json): Json => ({ type: 'LAMBDA', ...extra });

type Echo = { event: Record<string, unknown> & { requestContext: Record<string, unknown> }; id: string };

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gatelab-lambda-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('LAMBDA events and handler loading', () => {
  it('gives a REST handler the payload 1.0 proxy event', async () => {
    const config = restApi([{ method: 'POST', path: '/pets/{id}', integration: lambda({ code: ECHO_ESM }) }], {
      variables: { color: 'blue' },
    });
    const server = await serve(config);
    const reply = await call(server, 'POST', '/prod/pets/7?a=1&a=2&b=x', {
      headers: { 'x-thing': 'yes' },
      body: '{"name":"rex"}',
    });
    expect(reply.status).toBe(200);
    const { event, id } = reply.json() as Echo;
    expect(id).toBe(reply.headers['x-amzn-requestid']);
    expect(event).toMatchObject({
      resource: '/pets/{id}',
      path: '/pets/7',
      httpMethod: 'POST',
      pathParameters: { id: '7' },
      queryStringParameters: { a: '1', b: 'x' },
      multiValueQueryStringParameters: { a: ['1', '2'], b: ['x'] },
      stageVariables: { color: 'blue' },
      body: '{"name":"rex"}',
      isBase64Encoded: false,
    });
    expect((event.headers as Record<string, string>)['x-thing']).toBe('yes');
    expect(event.requestContext).toMatchObject({
      requestId: id,
      stage: 'prod',
      apiId: 'shop',
      resourcePath: '/pets/{id}',
      httpMethod: 'POST',
      path: '/prod/pets/7',
    });
    expect(event.requestContext.requestTimeEpoch).toEqual(expect.any(Number));
  });

  it('gives an HTTP API handler the payload 2.0 event and infers a plain result', async () => {
    const config = httpApi([
      { method: 'GET', path: '/items/{id}', integration: lambda({ code: ECHO_ESM }) },
      {
        method: 'GET',
        path: '/plain',
        integration: lambda({ code: 'export const handler = async () => ({ ok: true });' }),
      },
      { method: 'GET', path: '/text', integration: lambda({ code: 'export const handler = async () => "hi there";' }) },
    ]);
    const server = await serve(config);
    const reply = await get(server, '/items/9?q=1&q=2', { cookie: 'a=1; b=2' });
    const { event, id } = reply.json() as Echo;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/9',
      rawQueryString: 'q=1&q=2',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { q: '1,2' },
      pathParameters: { id: '9' },
      isBase64Encoded: false,
    });
    expect(event).not.toHaveProperty('body');
    expect(event.requestContext).toMatchObject({
      requestId: id,
      routeKey: 'GET /items/{id}',
      stage: '$default',
      http: { method: 'GET', path: '/items/9' },
    });
    const plain = await get(server, '/plain');
    expect([plain.status, plain.body, plain.headers['content-type']]).toEqual([200, '{"ok":true}', 'application/json']);
    expect((await get(server, '/text')).body).toBe('hi there');
  });

  it('runs CommonJS handlers: exports.handler, module.exports and a callback', async () => {
    const config = httpApi([
      {
        method: 'GET',
        path: '/a',
        integration: lambda({ code: 'exports.handler = async () => ({ statusCode: 201, body: "a" });' }),
      },
      {
        method: 'GET',
        path: '/b',
        integration: lambda({
          code: 'const os = require("node:os");\nmodule.exports = { handler: async () => ({ statusCode: 200, body: typeof os.cpus }) };',
        }),
      },
      {
        method: 'GET',
        path: '/c',
        integration: lambda({
          code: 'exports.handler = (event, context, callback) => callback(null, { statusCode: 202, headers: { "X-Kind": "cb" }, body: "c" });',
        }),
      },
    ]);
    const server = await serve(config);
    expect([(await get(server, '/a')).status, (await get(server, '/a')).body]).toEqual([201, 'a']);
    expect((await get(server, '/b')).body).toBe('function');
    const c = await get(server, '/c');
    expect([c.status, c.body, c.headers['x-kind']]).toEqual([202, 'c', 'cb']);
  });

  it('loads a handler file relative to the config folder, ES module or CommonJS', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'esm.mjs'), 'export const handler = async () => ({ statusCode: 200, body: "mjs" });');
    await writeFile(join(dir, 'esm.js'), 'export const handler = async () => ({ statusCode: 200, body: "esm js" });');
    await writeFile(
      join(dir, 'cjs.js'),
      'const { sep } = require("node:path");\nexports.handler = async () => ({ statusCode: 200, body: "cjs " + sep });',
    );
    const config = restApi([
      { method: 'GET', path: '/m', integration: lambda({ file: 'esm.mjs' }) },
      { method: 'GET', path: '/e', integration: lambda({ file: './esm.js' }) },
      { method: 'GET', path: '/c', integration: lambda({ file: 'cjs.js' }) },
      { method: 'GET', path: '/x', integration: lambda({ file: 'missing.js' }) },
    ]);
    const server = await serve(config, { configDir: dir });
    expect((await get(server, '/prod/m')).body).toBe('mjs');
    expect((await get(server, '/prod/e')).body).toBe('esm js');
    expect((await get(server, '/prod/c')).body).toBe('cjs /');
    expect((await get(server, '/prod/x')).status).toBe(502);
  });
});
