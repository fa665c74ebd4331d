import type { IncomingMessage } from 'node:http';
import type { GatewayRequest, IntegrationTicket } from '../../engine/gateway/types.ts';
import { apiIdFromHost } from './host-api.ts';
import { parseQueryFirst } from './query-string.ts';

/**
 * A gateway request that came over the wire. It carries what the engine does not need but an integration
 * does (the raw query string for HTTP_PROXY, the socket for a Lambda event's source IP); the engine hands
 * the same object back on the ticket.
 */
export interface LiveRequest extends GatewayRequest {
  readonly rawQuery: string;
  readonly incoming: IncomingMessage | null;
}

/**
 * Node already lower-cases header names; only `set-cookie` arrives as an array, so the header object is
 * passed on as is unless that one needs joining.
 */
function headersOf(incoming: IncomingMessage): Record<string, string> {
  const headers = incoming.headers;
  if (headers['set-cookie'] === undefined) return headers as Record<string, string>;
  const copy: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) copy[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return copy;
}

/** Turns an incoming request (its body already read) into the engine's request; `apiId` is the one Host claims. */
export function liveRequest(incoming: IncomingMessage, url: string, body: string | undefined): LiveRequest {
  const q = url.indexOf('?');
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  return {
    method: incoming.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    query: rawQuery === '' ? undefined : parseQueryFirst(rawQuery),
    headers: headersOf(incoming),
    body,
    apiId: apiIdFromHost(incoming.headers.host),
    rawQuery,
    incoming,
  };
}

/** The live request behind a ticket; a ticket built from a plain request gets neutral extras. */
export function liveRequestOf(ticket: IntegrationTicket): LiveRequest {
  const request = ticket.request as Partial<LiveRequest> & GatewayRequest;
  if (request.rawQuery !== undefined && request.incoming !== undefined) return request as LiveRequest;
  return { ...request, rawQuery: '', incoming: null };
}
