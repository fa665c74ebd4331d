import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, get, httpApi, restApi, serve, upstream, type Json } from '../helpers.ts';

const lambda = (extra: Json): Json => ({ type: 'LAMBDA', ...extra });

describe('LAMBDA failures, limits and the sample handler', () => {
  it('answers a throwing handler or a malformed result with 502, worded per protocol', async () => {
    const routes = [
      {
        method: 'GET',
        path: '/throw',
        integration: lambda({ code: 'export const handler = async () => { throw new Error("boom"); };' }),
      },
      {
        method: 'GET',
        path: '/extra',
        integration: lambda({ code: 'export const handler = async () => ({ statusCode: 200, body: "x", extra: 1 });' }),
      },
      {
        method: 'GET',
        path: '/nobody',
        integration: lambda({ code: 'export const handler = async () => ({ statusCode: 200, body: { a: 1 } });' }),
      },
      {
        method: 'GET',
        path: '/status',
        integration: lambda({ code: 'export const handler = async () => ({ statusCode: 99 });' }),
      },
      { method: 'GET', path: '/syntax', integration: lambda({ code: 'export const handler = async () => {' }) },
    ];
    const rest = await serve(restApi(routes));
    for (const path of ['/throw', '/extra', '/nobody', '/status', '/syntax']) {
      const reply = await get(rest, `/prod${path}`);
      expect([path, reply.status, reply.body]).toEqual([path, 502, '{"message":"Internal server error"}']);
    }
    const http = await serve(httpApi(routes.slice(0, 1)));
    const reply = await get(http, '/throw');
    expect([reply.status, reply.body]).toEqual([502, '{"message":"Internal Server Error"}']);
  });

  it('times out after timeoutMs (504 REST, 503 HTTP) and replaces the instance', async () => {
    const code =
      'export const handler = async (event) => event.queryStringParameters?.hang ? new Promise(() => {}) : { statusCode: 200, body: "fine" };';
    const integration = lambda({ code, timeoutMs: 100 });
    const rest = await serve(restApi([{ method: 'GET', path: '/h', integration }]));
    const timedOut = await get(rest, '/prod/h?hang=1');
    expect([timedOut.status, timedOut.body]).toEqual([504, '{"message":"Endpoint request timed out"}']);
    expect((await get(rest, '/prod/h')).body).toBe('fine');
    const http = await serve(httpApi([{ method: 'GET', path: '/h', integration }]));
    expect((await get(http, '/h?hang=1')).status).toBe(503);
  });

  it('throttles invocations beyond reservedConcurrency with 500', async () => {
    let arrived!: () => void;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const gate = await upstream((_req, res) => {
      arrived();
      void released.then(() => res.end('done'));
    });
    const code = `export const handler = async () => ({ statusCode: 200, body: await (await fetch("${gate.url}")).text() });`;
    const server = await serve(
      restApi([{ method: 'GET', path: '/one', integration: lambda({ code, reservedConcurrency: 1 }) }]),
    );
    const first = get(server, '/prod/one');
    await waiting;
    const second = await get(server, '/prod/one');
    expect([second.status, second.body]).toEqual([500, '{"message":"Internal server error"}']);
    release();
    expect((await first).body).toBe('done');
    expect((await get(server, '/prod/one')).status).toBe(200);
  });

  it('adds coldStartMs to the first invocation of a new instance only', async () => {
    const config = httpApi([{ method: 'GET', path: '/c', integration: lambda({ coldStartMs: 150 }) }]);
    const server = await serve(config);
    const started = performance.now();
    await get(server, '/c');
    const cold = performance.now() - started;
    const warmStart = performance.now();
    await get(server, '/c');
    const warm = performance.now() - warmStart;
    expect(cold).toBeGreaterThanOrEqual(150);
    expect(warm).toBeLessThan(cold);
  });

  it('runs the new code after a config swap changes it', async () => {
    const version = (v: string) =>
      restApi([
        {
          method: 'GET',
          path: '/v',
          integration: lambda({ code: `export const handler = async () => ({ statusCode: 200, body: "${v}" });` }),
        },
      ]);
    const server = await serve(version('one'));
    expect((await get(server, '/prod/v')).body).toBe('one');
    const put = await call(server, 'PUT', '/_gatelab/config', { body: JSON.stringify(version('two')) });
    expect(put.status).toBe(200);
    expect((await get(server, '/prod/v')).body).toBe('two');
  });

  it('serves Hello from Lambda! from the HTTP API example', async () => {
    const { loadJsonInput } = await import('../../../../core/cli/commands/run-inputs.ts');
    const loaded = await loadJsonInput(
      fileURLToPath(new URL('../../../../examples/http-api.gatelab.json', import.meta.url)),
    );
    if (!loaded.ok) throw new Error(loaded.message);
    const server = await serve(loaded.value as Json);
    const reply = await get(server, '/hello');
    expect([reply.status, reply.body]).toEqual([200, '"Hello from Lambda!"']);
    expect(reply.headers['x-amzn-requestid']).toBeDefined();
  });
});
