import { Pool, type Dispatcher } from 'undici';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { IntegrationFailure } from '../../engine/gateway/gateway.ts';
import type { GatewayResponse, IntegrationTicket } from '../../engine/gateway/types.ts';
import { liveRequestOf } from '../server/live-request.ts';
import { proxyOrigins } from './proxy-origins.ts';
import { upstreamTarget, type UpstreamTarget } from './upstream-target.ts';

/** API Gateway's default (and maximum) integration timeout, in ms. */
export const DEFAULT_PROXY_TIMEOUT_MS = 29_000;

// RFC 9110 §7.6.1 hop-by-hop headers, plus the ones the client computes for its own connection.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

function forwardedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    // accept-encoding is dropped so the upstream answers uncompressed: the gateway's body is text.
    if (!HOP_BY_HOP.has(name) && name !== 'accept-encoding') out[name] = headers[name]!;
  }
  return out;
}

function responseHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Runs HTTP_PROXY integrations with undici, one keep-alive connection pool per upstream origin. Passes the
 * upstream's status, headers and body through; `timeoutInMillis` running out gives `timeout` (504/503), an
 * unreachable or failing upstream `badGateway` (502).
 */
export class HttpProxy {
  private readonly pools = new Map<string, Pool>();
  /** Pools a config swap retired, closing once their in-flight requests are answered. */
  private readonly retiring = new Set<Pool>();

  async run(ticket: IntegrationTicket): Promise<GatewayResponse | IntegrationFailure> {
    const integration = ticket.integration;
    if (integration.type !== 'HTTP_PROXY' || ticket.uri === null) return { failure: 'badGateway' };
    const request = liveRequestOf(ticket);
    let target: UpstreamTarget;
    try {
      target = upstreamTarget(ticket.uri, request.rawQuery);
    } catch {
      return { failure: 'badGateway' };
    }
    const method =
      integration.httpMethod === undefined || integration.httpMethod === 'ANY'
        ? request.method
        : integration.httpMethod;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, integration.timeoutInMillis ?? DEFAULT_PROXY_TIMEOUT_MS);
    try {
      const response = await this.pool(target.origin).request({
        path: target.path,
        method: method as Dispatcher.HttpMethod,
        headers: forwardedHeaders(request.headers),
        body: method === 'GET' || method === 'HEAD' ? null : (request.body ?? null),
        signal: controller.signal,
      });
      const body = await response.body.text();
      return { status: response.statusCode, headers: responseHeaders(response.headers), body };
    } catch {
      return { failure: timedOut ? 'timeout' : 'badGateway' };
    } finally {
      clearTimeout(timer);
    }
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (pool === undefined) this.pools.set(origin, (pool = new Pool(origin)));
    return pool;
  }

  /** After a config swap: closes the pools of origins the config no longer reaches, letting in-flight calls end. */
  retain(config: GatewayConfig): void {
    const keep = proxyOrigins(config);
    for (const [origin, pool] of this.pools) {
      if (keep.has(origin)) continue;
      this.pools.delete(origin);
      this.retiring.add(pool);
      void pool
        .close()
        .catch(() => undefined)
        .finally(() => this.retiring.delete(pool));
    }
  }

  /** Closes every connection pool, cutting calls still in flight. */
  async close(): Promise<void> {
    const pools = [...this.pools.values(), ...this.retiring];
    this.pools.clear();
    this.retiring.clear();
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
  }
}
