import type { ServerResponse } from 'node:http';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { writeServerError } from './write-response.ts';

const EXECUTE_API = /\.execute-api\./i;

/**
 * The API id that `Host: {apiId}.execute-api.localhost[:port]` (or any `….execute-api.…` name) claims;
 * undefined for any other host, which leaves the choice to the first API.
 */
export function apiIdFromHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const at = host.search(EXECUTE_API);
  return at > 0 ? host.slice(0, at) : undefined;
}

/**
 * Finds the configured API a Host names. Host names are case-insensitive (RFC 4343) while config ids are
 * not, so an exact match wins and a differently cased one is the fallback.
 */
export class HostApis {
  private config: GatewayConfig | null = null;
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  /** The configured id `claimed` names in the current config, or null when there is no such API. */
  resolve(claimed: string, config: GatewayConfig): string | null {
    if (config !== this.config) this.index(config);
    if (this.exact.has(claimed)) return claimed;
    return this.folded.get(claimed.toLowerCase()) ?? null;
  }

  private index(config: GatewayConfig): void {
    this.config = config;
    this.exact.clear();
    this.folded.clear();
    for (const api of config.apis) {
      this.exact.add(api.id);
      const folded = api.id.toLowerCase();
      if (!this.folded.has(folded)) this.folded.set(folded, api.id);
    }
  }
}

/**
 * The answer to a Host that names no configured API. In AWS such an execute-api name has no DNS record, so
 * the request reaches no API and no protocol's error applies; here it gets one protocol-neutral 404 that no
 * API's metrics count, instead of falling through to the first API.
 */
export function writeUnknownApi(res: ServerResponse): void {
  writeServerError(res, 404, 'NotFoundException', 'Not Found');
}
