import { Pool, type Dispatcher } from 'undici';
import type { IntegrationFailure } from '../../engine/gateway/gateway.ts';
import type { GatewayResponse, IntegrationTicket } from '../../engine/gateway/types.ts';
import { liveRequestOf } from '../server/live-request.ts';

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

/** The upstream URL: the templated `uri` plus the client's own query string. */
export function upstreamUrl(uri: string, rawQuery: string): URL {
  const url = new URL(uri);
  if (rawQuery !== '') url.search = url.search === '' ? rawQuery : `${url.search.slice(1)}&${rawQuery}`;
  return url;
}

/**
 * Runs HTTP_PROXY integrations with undici, one keep-alive connection pool per upstream origin. Passes the
 * upstream's status, headers and body through; `timeoutInMillis` running out gives `timeout` (504/503), an
 * unreachable or failing upstream `badGateway` (502).
 */
export class HttpProxy {
  private readonly pools = new Map<string, Pool>();

  async run(ticket: IntegrationTicket): Promise<GatewayResponse | IntegrationFailure> {
    const integration = ticket.integration;
    if (integration.type !== 'HTTP_PROXY' || ticket.uri === null) return { failure: 'badGateway' };
    const request = liveRequestOf(ticket);
    let url: URL;
    try {
      url = upstreamUrl(ticket.uri, request.rawQuery);
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
      const response = await this.pool(url.origin).request({
        path: `${url.pathname}${url.search}`,
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

  /** Closes every connection pool. */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.destroy()));
    this.pools.clear();
  }
}
