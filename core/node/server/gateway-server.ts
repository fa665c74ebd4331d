import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminHandler } from './admin-routes.ts';
import { isLoopbackHost, newAdminToken } from './admin-auth.ts';
import { GatewayHost, type GatewayHostOptions } from './gateway-host.ts';
import { GatewayListener, type InternalErrorReporter } from './request-listener.ts';

/** How to start `gatelab serve`'s HTTP server. */
export interface GatewayServerOptions extends GatewayHostOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The admin token; a fresh random one by default. */
  adminToken?: string;
  /** Whether admin endpoints need the token. Default: when `host` is not a loopback address. */
  requireAdminToken?: boolean;
  /** How long `close()` waits for in-flight requests before cutting connections. Default 10 s. */
  closeGraceMs?: number;
  /** Told when answering a request threw (the client got a 500); one stderr line per distinct error by default. */
  onInternalError?: InternalErrorReporter;
}

/** A running gateway server. */
export interface GatewayServer {
  /** `http://HOST:PORT` as a client reaches it (a wildcard bind shows as 127.0.0.1). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly adminToken: string;
  readonly adminTokenRequired: boolean;
  /** The gateway, its clock and integrations, shared with any in-process driver. */
  readonly gatewayHost: GatewayHost;
  readonly server: Server;
  /** Stops accepting, lets in-flight requests finish (closing their connections), then frees the integrations. */
  close(): Promise<void>;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

function urlHost(host: string): string {
  if (WILDCARDS.has(host)) return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts the live gateway on node:http with keep-alive: the engine decides, the integrations run for real.
 * Rejects with the listen error (for example `EADDRINUSE`) after releasing what it built.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const host = options.host ?? '127.0.0.1';
  const gatewayHost = new GatewayHost(options);
  const auth = {
    token: options.adminToken ?? newAdminToken(),
    required: options.requireAdminToken ?? !isLoopbackHost(host),
  };
  const listener = new GatewayListener(gatewayHost, createAdminHandler(gatewayHost, auth), options.onInternalError);
  // Clients that pace requests seconds apart keep their connections: longer than Node's 5 s default.
  const server = createServer({ keepAlive: true, keepAliveTimeout: 65_000, noDelay: true }, listener.onRequest);
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    await gatewayHost.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      listener.closing = true;
      const force = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 10_000);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    }).then(() => gatewayHost.close()));
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    host,
    adminToken: auth.token,
    adminTokenRequired: auth.required,
    gatewayHost,
    server,
    close,
  };
}
