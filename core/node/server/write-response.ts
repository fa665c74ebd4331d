import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { GatewayResponse } from '../../engine/gateway/types.ts';

/** SPEC §9: bodies over 10,485,760 bytes get 413 before the gateway sees them. */
export const MAX_BODY_BYTES = 10_485_760;

const FALLBACK_ERROR = JSON.stringify({ message: 'Internal server error' });

/**
 * Writes a gateway response exactly: one `writeHead` with every header and an explicit content-length
 * (without it Node falls back to chunked encoding once the head is written), then the body.
 */
export function writeResponse(res: ServerResponse, response: GatewayResponse): void {
  const headers = response.headers;
  headers['content-length'] = String(Buffer.byteLength(response.body));
  try {
    res.writeHead(response.status, headers);
  } catch {
    // An integration sent a header Node refuses (a bad name or character); answer as a failed integration.
    if (res.headersSent) return void res.destroy();
    const requestId = headers['x-amzn-RequestId'] ?? randomUUID();
    res.writeHead(502, { 'content-type': 'application/json', 'x-amzn-RequestId': requestId });
    res.end(FALLBACK_ERROR);
    return;
  }
  res.end(response.body);
}

/** A response the server itself makes (admin endpoints, 413): compact JSON with a fresh request id. */
export function writeJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders?: Readonly<Record<string, string>>,
): void {
  const body = JSON.stringify(value);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-RequestId': randomUUID(),
    'content-length': String(Buffer.byteLength(body)),
  };
  if (extraHeaders !== undefined) Object.assign(headers, extraHeaders);
  res.writeHead(status, headers);
  res.end(body);
}

/** An error the server answers itself, outside any API: `{"message"}`, a fresh request id and its error type. */
export function writeServerError(res: ServerResponse, status: number, errorType: string, message: string): void {
  if (res.headersSent) return void res.destroy();
  writeJson(res, status, { message }, { 'x-amzn-ErrorType': errorType });
}

/** 413 `RequestTooLongException` (SPEC §9). */
export function writeRequestTooLong(res: ServerResponse): void {
  writeServerError(res, 413, 'RequestTooLongException', 'Request Too Long');
}

/** 500 for a request Gatelab itself failed to answer: the client gets API Gateway's generic error, never a hang. */
export function writeInternalError(res: ServerResponse): void {
  writeServerError(res, 500, 'InternalServerErrorException', 'Internal server error');
}
