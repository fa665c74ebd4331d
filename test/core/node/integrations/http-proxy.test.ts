import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { upstreamTarget } from '../../../../core/node/integrations/upstream-target.ts';
import { call, get, httpApi, restApi, serve, upstream, type Json } from '../helpers.ts';

/** An upstream that echoes what it received as JSON, with a header of its own. */
async function echo() {
  return upstream((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes', connection: 'keep-alive' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
}

function proxy(uri: string, extra: Json = {}): Json {
  return { type: 'HTTP_PROXY', uri, ...extra };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('HTTP_PROXY over undici', () => {
  it('substitutes stage variables and {proxy}, appends the query, forwards method, headers and body', async () => {
    const up = await echo();
    const config = restApi(
      [{ method: 'ANY', path: '/{proxy+}', integration: proxy(`${up.url}/\${stageVariables.base}/{proxy}`) }],
      {
        variables: { base: 'v2' },
      },
    );
    const server = await serve(config);
    const reply = await call(server, 'POST', '/prod/pets/7?sort=asc&tag=a&tag=b', {
      headers: { 'content-type': 'text/plain', 'x-trace': 't-1', connection: 'keep-alive' },
      body: 'hello',
    });
    expect(reply.status).toBe(201);
    expect(reply.headers['x-upstream']).toBe('yes');
    expect(reply.headers['x-amzn-requestid']).toBeDefined();
    const seen = reply.json() as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/v2/pets/7?sort=asc&tag=a&tag=b');
    expect(seen.body).toBe('hello');
    expect(seen.headers['x-trace']).toBe('t-1');
    expect(seen.headers['host']).toBe(`127.0.0.1:${up.port}`);
    expect(seen.headers['accept-encoding']).toBeUndefined();
  });

  it('substitutes a {param} and uses httpMethod when set', async () => {
    const up = await echo();
    const config = httpApi([
      { method: 'GET', path: '/items/{id}', integration: proxy(`${up.url}/store/{id}?src=gw`, { httpMethod: 'PUT' }) },
    ]);
    const seen = (await get(await serve(config), '/items/42?x=1')).json() as { method: string; url: string };
    expect(seen).toMatchObject({ method: 'PUT', url: '/store/42?src=gw&x=1' });
  });

  it('passes an upstream error status and body through', async () => {
    const up = await upstream((_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('teapot');
    });
    const server = await serve(restApi([{ method: 'GET', path: '/t', integration: proxy(`${up.url}/t`) }]));
    const reply = await get(server, '/prod/t');
    expect([reply.status, reply.body, reply.headers['content-type']]).toEqual([418, 'teapot', 'text/plain']);
  });

  it('times out after timeoutInMillis: 504 for REST, 503 for HTTP APIs', async () => {
    const up = await upstream(() => {
      // never answers
    });
    const integration = proxy(`${up.url}/slow`, { timeoutInMillis: 50 });
    const rest = await serve(restApi([{ method: 'GET', path: '/slow', integration }]));
    const restReply = await get(rest, '/prod/slow');
    expect([restReply.status, restReply.body]).toEqual([504, '{"message":"Endpoint request timed out"}']);
    const http = await serve(httpApi([{ method: 'GET', path: '/slow', integration }]));
    const httpReply = await get(http, '/slow');
    expect([httpReply.status, httpReply.body]).toEqual([503, '{"message":"Service Unavailable"}']);
  });

  it('answers an unreachable upstream with 502', async () => {
    const port = await freePort();
    const integration = proxy(`http://127.0.0.1:${port}/gone`);
    const rest = await serve(restApi([{ method: 'GET', path: '/gone', integration }]));
    const reply = await get(rest, '/prod/gone');
    expect([reply.status, reply.body]).toEqual([502, '{"message":"Internal server error"}']);
    const http = await serve(httpApi([{ method: 'GET', path: '/gone', integration }]));
    expect((await get(http, '/gone')).body).toBe('{"message":"Internal Server Error"}');
  });

  it('builds the upstream target from the uri and the raw query', () => {
    expect(upstreamTarget('http://h/a', '')).toEqual({ origin: 'http://h', path: '/a' });
    expect(upstreamTarget('http://h/a', 'x=1').path).toBe('/a?x=1');
    expect(upstreamTarget('http://h/a?k=v', 'x=1&y=%20').path).toBe('/a?k=v&x=1&y=%20');
    expect(upstreamTarget('HTTP://H:80', 'x=1')).toEqual({ origin: 'http://h', path: '/?x=1' });
    expect(upstreamTarget('https://h:8443/a b/é#frag', '').path).toBe('/a%20b/%C3%A9');
    expect(upstreamTarget('http://h/a/%2F..%2F/b', '').path).toBe('/a/%2F..%2F/b');
    expect(() => upstreamTarget('/relative', '')).toThrow();
  });
});

/** A GET whose path goes on the wire exactly as written: clients that parse URLs would resolve `..` first. */
function rawGet(server: { port: number }, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP_PROXY path parameters and dot segments', () => {
  it('keeps {proxy+} and {param} values inside the uri prefix: dot segments reach the upstream escaped', async () => {
    const up = await echo();
    const config = restApi([
      { method: 'GET', path: '/files/{proxy+}', integration: proxy(`${up.url}/base/files/{proxy}`) },
      { method: 'GET', path: '/items/{id}', integration: proxy(`${up.url}/store/{id}/detail`) },
    ]);
    const server = await serve(config);
    const upstreamPath = async (path: string) => {
      const reply = await rawGet(server, path);
      expect([path, reply.status]).toEqual([path, 201]);
      return (JSON.parse(reply.body) as { url: string }).url;
    };
    expect(await upstreamPath('/prod/files/../admin')).toBe('/base/files/%2E%2E/admin');
    expect(await upstreamPath('/prod/files/a/../../../etc/passwd?x=1')).toBe(
      '/base/files/a/%2E%2E/%2E%2E/%2E%2E/etc/passwd?x=1',
    );
    expect(await upstreamPath('/prod/files/%2e%2E/admin')).toBe('/base/files/%2E%2E/admin');
    expect(await upstreamPath('/prod/files/./x/.%2e')).toBe('/base/files/%2E/x/%2E%2E');
    expect(await upstreamPath('/prod/items/..')).toBe('/store/%2E%2E/detail');
    expect(await upstreamPath('/prod/files/a/..b/c.d/...')).toBe('/base/files/a/..b/c.d/...');
  });
});
