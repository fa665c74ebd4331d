import type { GatewayResponse } from '../../engine/gateway/types.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

// REST's Lambda proxy integration answers 502 "Malformed Lambda proxy response" for any other field.
const REST_FIELDS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function statusOf(value: unknown): number | null {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : null;
}

/** Header maps lower-cased, so an integration's `Content-Type` never doubles the gateway's own names. */
function headersOf(result: Json): Record<string, string> | null {
  const headers: Record<string, string> = {};
  const single = result.headers ?? {};
  const multi = result.multiValueHeaders ?? {};
  if (!isObject(single) || !isObject(multi)) return null;
  for (const [name, values] of Object.entries(multi)) {
    if (!Array.isArray(values) || !values.every(isScalar)) return null;
    headers[name.toLowerCase()] = values.join(', ');
  }
  for (const [name, value] of Object.entries(single)) {
    if (!isScalar(value)) return null;
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? String(value) : `${headers[key]}, ${String(value)}`;
  }
  return headers;
}

function bodyOf(result: Json): string | null {
  const body = result.body ?? '';
  if (typeof body !== 'string') return null;
  return result.isBase64Encoded === true ? Buffer.from(body, 'base64').toString('utf8') : body;
}

function structured(result: Json): GatewayResponse | null {
  const status = statusOf(result.statusCode);
  const headers = headersOf(result);
  const body = bodyOf(result);
  if (status === null || headers === null || body === null) return null;
  if (Array.isArray(result.cookies) && result.cookies.length > 0) headers['set-cookie'] = result.cookies.join(', ');
  headers['content-type'] ??= 'application/json';
  return { status, headers, body };
}

/**
 * Maps a Lambda proxy result (the handler's return value as JSON text) to the client's response, or null
 * when it is malformed (the gateway then answers 502). Payload 1.0 (REST) needs `{ statusCode, … }`;
 * payload 2.0 (HTTP APIs) also takes any other JSON value as a 200 `application/json` body, as AWS infers.
 */
export function mapProxyResult(payload: string, protocol: 'REST' | 'HTTP'): GatewayResponse | null {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return null;
  }
  if (protocol === 'REST') {
    if (!isObject(result) || !Object.keys(result).every((key) => REST_FIELDS.has(key))) return null;
    return structured(result);
  }
  if (isObject(result) && 'statusCode' in result) return structured(result);
  const body = typeof result === 'string' ? result : JSON.stringify(result);
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}
