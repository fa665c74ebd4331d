import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach } from 'vitest';
import { parseConfig } from '../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../core/engine/config/schema.ts';
import {
  startGatewayServer,
  type GatewayServer,
  type GatewayServerOptions,
} from '../../../core/node/server/gateway-server.ts';

export type Json = Record<string, unknown>;

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Validates a test config, failing with every problem. */
export function configFrom(json: Json): GatewayConfig {
  const parsed = parseConfig(json);
  if (!parsed.ok) throw new Error(`invalid test config: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Starts a gateway server on 127.0.0.1 and a free port; closed after the test. */
export async function serve(
  json: Json | GatewayConfig,
  options: Omit<GatewayServerOptions, 'config'> = {},
): Promise<GatewayServer> {
  // A short close grace: a test that leaves an upload draining must not outlast vitest's 10 s hook timeout.
  const server = await startGatewayServer({
    config: configFrom(json as Json),
    port: 0,
    seed: 7,
    closeGraceMs: 1000,
    ...options,
  });
  cleanups.push(() => server.close());
  return server;
}

/** Runs something after the test (upstreams, temp folders). */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  json(): unknown;
}

/** One real HTTP request over a keep-alive connection. */
export async function call(
  server: { url: string },
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const response = await request(`${server.url}${path}`, {
    method: method as 'GET',
    headers: options.headers ?? {},
    body: options.body ?? null,
  });
  const body = await response.body.text();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers, body, json: () => JSON.parse(body) };
}

export const get = (server: { url: string }, path: string, headers: Record<string, string> = {}): Promise<Reply> =>
  call(server, 'GET', path, { headers });

/** A local upstream for HTTP_PROXY tests; closed after the test. */
export async function upstream(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; port: number; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, server };
}

/** A one-API REST config with a `prod` stage. */
export function restApi(routes: unknown[], stage: Json = {}, extra: Json = {}): Json {
  return {
    formatVersion: 1,
    apis: [{ id: 'shop', protocol: 'REST', routes, stages: [{ name: 'prod', ...stage }] }],
    ...extra,
  };
}

/** A one-API HTTP config with a `$default` stage. */
export function httpApi(routes: unknown[], stage: Json = {}): Json {
  return {
    formatVersion: 1,
    apis: [{ id: 'web', protocol: 'HTTP', routes, stages: [{ name: '$default', ...stage }] }],
  };
}

export const mock = (body = '', extra: Json = {}): Json => ({ type: 'MOCK', body, ...extra });
