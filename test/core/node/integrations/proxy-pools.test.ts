import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { proxyOrigins } from '../../../../core/node/integrations/proxy-origins.ts';
import type { GatewayServer } from '../../../../core/node/server/gateway-server.ts';
import { call, configFrom, get, restApi, serve, upstream, type Json } from '../helpers.ts';

/** An upstream that keeps connections open far longer than the test, and tells when each one closes. */
async function trackedUpstream(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const up = await upstream(handler);
  up.server.keepAliveTimeout = 120_000;
  const connections: Array<{ socket: Socket; closed: Promise<void> }> = [];
  up.server.on('connection', (socket: Socket) => {
    connections.push({ socket, closed: new Promise((resolve) => socket.once('close', () => resolve())) });
  });
  return { ...up, connections };
}

const proxy = (uri: string): Json => ({ type: 'HTTP_PROXY', uri });

type Swap = (server: GatewayServer, config: Json) => Promise<void>;

const putConfig: Swap = async (server, config) => {
  const put = await call(server, 'PUT', '/_gatelab/config', { body: JSON.stringify(config) });
  expect(put.status).toBe(200);
};
/** What the lab's hot-apply does to a live run's gateway. */
const labApply: Swap = async (server, config) => server.gatewayHost.applyConfig(configFrom(config));

describe('HTTP_PROXY connection pools across a config swap', () => {
  it.each([
    ['PUT /_gatelab/config', putConfig],
    ['the lab hot-apply', labApply],
  ])(
    'after %s: closes the pool of a dropped origin once its in-flight call ends, keeps the rest',
    async (_how, swap) => {
      let arrived!: () => void;
      const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const a = await trackedUpstream((req, res) => {
        if (req.url !== '/slow') return void res.end('a');
        arrived();
        void released.then(() => res.end('a-slow'));
      });
      const b = await trackedUpstream((_req, res) => res.end('b'));
      const bRoute = { method: 'GET', path: '/b', integration: proxy('http://127.0.0.1:${stageVariables.bPort}/b') };
      const stage = { variables: { bPort: String(b.port) } };
      const before = restApi(
        [
          { method: 'GET', path: '/a', integration: proxy(`${a.url}/a`) },
          { method: 'GET', path: '/slow', integration: proxy(`${a.url}/slow`) },
          bRoute,
        ],
        stage,
      );
      const server = await serve(before);
      expect((await get(server, '/prod/a')).body).toBe('a');
      expect((await get(server, '/prod/b')).body).toBe('b');

      const slow = get(server, '/prod/slow');
      await slowArrived;
      await swap(server, restApi([bRoute], stage));
      release();
      expect((await slow).body).toBe('a-slow');
      await Promise.all(a.connections.map((connection) => connection.closed));

      expect((await get(server, '/prod/b')).body).toBe('b');
      expect(b.connections).toHaveLength(1);
      expect(b.connections[0]!.socket.destroyed).toBe(false);
    },
  );

  it('resolves origins with every stage’s variables, canary overrides and deployments', () => {
    const config = configFrom({
      formatVersion: 1,
      apis: [
        {
          id: 'shop',
          routes: [{ method: 'GET', path: '/x', integration: proxy('http://${stageVariables.host}:8080/x') }],
          deployments: [
            { id: 'd1', routes: [{ method: 'GET', path: '/y', integration: proxy('https://old.example/y') }] },
          ],
          stages: [
            {
              name: 'prod',
              deploymentId: 'd1',
              variables: { host: 'blue.example' },
              canarySettings: { deploymentId: 'd1', stageVariableOverrides: { host: 'green.example' } },
            },
            { name: 'dev', variables: { host: 'DEV.example' } },
          ],
        },
      ],
    });
    expect([...proxyOrigins(config)].sort()).toEqual([
      'http://blue.example:8080',
      'http://dev.example:8080',
      'http://green.example:8080',
      'https://old.example',
    ]);
  });
});
