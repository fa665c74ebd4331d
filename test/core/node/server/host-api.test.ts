import { describe, expect, it } from 'vitest';
import { apiIdFromHost } from '../../../../core/node/server/host-api.ts';
import { metricsSchema } from '../../../../core/node/server/metrics-shape.ts';
import { call, get, mock, serve, type Json } from '../helpers.ts';

const rest = (id: string): Json => ({
  id,
  protocol: 'REST',
  routes: [{ method: 'GET', path: '/x', integration: mock(id) }],
  stages: [{ name: 's' }],
});
const http = (id: string): Json => ({
  id,
  protocol: 'HTTP',
  routes: [{ method: 'GET', path: '/s/x', integration: mock(id) }],
  stages: [{ name: '$default' }],
});
const configOf = (...apis: Json[]): Json => ({ formatVersion: 1, apis });

const hostFor = (apiId: string, port: number): Record<string, string> => ({
  host: `${apiId}.execute-api.localhost:${port}`,
});

describe('Host: {apiId}.execute-api.localhost', () => {
  it('picks the named API, and serves the first for a host that names none', async () => {
    const server = await serve(configOf(rest('one'), http('two')));
    expect((await get(server, '/s/x')).body).toBe('one');
    expect((await get(server, '/s/x', { host: `localhost:${server.port}` })).body).toBe('one');
    expect((await get(server, '/s/x', hostFor('two', server.port))).body).toBe('two');
    // Host names are case-insensitive.
    expect((await get(server, '/s/x', { host: `TWO.Execute-Api.localhost:${server.port}` })).body).toBe('two');
  });

  it('answers an unknown API with one protocol-neutral 404, whatever the configured protocols', async () => {
    for (const config of [configOf(rest('one'), http('two')), configOf(rest('one')), configOf(http('two'))]) {
      const server = await serve(config);
      const reply = await get(server, '/s/x', hostFor('three', server.port));
      expect([reply.status, reply.body]).toEqual([404, '{"message":"Not Found"}']);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.headers['x-amzn-errortype']).toBe('NotFoundException');
      expect(reply.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('counts an unknown API under no API, and finds an API a hot swap adds', async () => {
    const server = await serve(configOf(rest('one')));
    expect((await get(server, '/s/x', hostFor('two', server.port))).status).toBe(404);
    const metrics = metricsSchema.parse((await get(server, '/_gatelab/metrics')).json());
    expect(metrics.stages.map((stage) => stage.metrics.Count)).toEqual([0]);

    const put = await call(server, 'PUT', '/_gatelab/config', {
      body: JSON.stringify(configOf(rest('one'), http('two'))),
    });
    expect(put.status).toBe(200);
    expect((await get(server, '/s/x', hostFor('two', server.port))).body).toBe('two');
  });

  it('reads the claimed id from the host name', () => {
    expect(apiIdFromHost('petstore.execute-api.localhost:4010')).toBe('petstore');
    expect(apiIdFromHost('v1.shop.execute-api.us-east-1.amazonaws.com')).toBe('v1.shop');
    expect(apiIdFromHost('127.0.0.1:4010')).toBeUndefined();
    expect(apiIdFromHost('.execute-api.localhost')).toBeUndefined();
    expect(apiIdFromHost(undefined)).toBeUndefined();
  });
});
