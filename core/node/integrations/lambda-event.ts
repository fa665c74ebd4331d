import type { IntegrationTicket } from '../../engine/gateway/types.ts';
import { liveRequestOf } from '../server/live-request.ts';
import { parseQueryAll } from '../server/query-string.ts';

/** The account id in events and ARNs; Gatelab has no real account. */
export const ACCOUNT_ID = '123456789012';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `10/Mar/2026:10:00:00 +0000`, the format of `requestContext.requestTime` / `time`. */
export function clfTime(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  return `${date}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);

function firstValues(all: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) out[name] = values[0] ?? '';
  return out;
}

function requestFacts(ticket: IntegrationTicket) {
  const request = liveRequestOf(ticket);
  const incoming = request.incoming;
  const headers = { ...request.headers };
  return {
    request,
    headers,
    query: parseQueryAll(request.rawQuery),
    sourceIp: incoming?.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    protocol: `HTTP/${incoming?.httpVersion ?? '1.1'}`,
    userAgent: headers['user-agent'] ?? '',
    domainName: headers['host'] ?? 'localhost',
    epochMs: Math.floor(ticket.receivedAt),
  };
}

/** The REST API proxy event, payload format 1.0. */
export function restProxyEvent(ticket: IntegrationTicket): Record<string, unknown> {
  const f = requestFacts(ticket);
  const multiHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(f.headers)) multiHeaders[name] = [value];
  return {
    resource: ticket.resourcePath,
    path: ticket.stagePath,
    httpMethod: f.request.method,
    headers: f.headers,
    multiValueHeaders: multiHeaders,
    queryStringParameters: orNull(firstValues(f.query)),
    multiValueQueryStringParameters: orNull(f.query),
    pathParameters: orNull({ ...ticket.pathParams }),
    stageVariables: orNull({ ...ticket.stageVariables }),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: ticket.apiId,
      domainName: f.domainName,
      domainPrefix: f.domainName.split('.')[0],
      extendedRequestId: ticket.requestId,
      httpMethod: f.request.method,
      identity: { sourceIp: f.sourceIp, userAgent: f.userAgent, apiKey: f.headers['x-api-key'] ?? null },
      path: f.request.path,
      protocol: f.protocol,
      requestId: ticket.requestId,
      requestTime: clfTime(f.epochMs),
      requestTimeEpoch: f.epochMs,
      resourcePath: ticket.resourcePath,
      stage: ticket.stage,
    },
    body: f.request.body ?? null,
    isBase64Encoded: false,
  };
}

/** The HTTP API proxy event, payload format 2.0: empty fields are left out, cookies get their own field. */
export function httpProxyEvent(ticket: IntegrationTicket): Record<string, unknown> {
  const f = requestFacts(ticket);
  const cookieHeader = f.headers['cookie'];
  delete f.headers['cookie'];
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(f.query)) query[name] = values.join(',');
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: ticket.routeKey,
    rawPath: f.request.path,
    rawQueryString: f.request.rawQuery,
  };
  if (cookieHeader !== undefined) event.cookies = cookieHeader.split(/;\s*/).filter((c) => c !== '');
  event.headers = f.headers;
  if (orNull(query)) event.queryStringParameters = query;
  if (orNull(ticket.pathParams)) event.pathParameters = { ...ticket.pathParams };
  if (orNull(ticket.stageVariables)) event.stageVariables = { ...ticket.stageVariables };
  event.requestContext = {
    accountId: ACCOUNT_ID,
    apiId: ticket.apiId,
    domainName: f.domainName,
    domainPrefix: f.domainName.split('.')[0],
    http: {
      method: f.request.method,
      path: f.request.path,
      protocol: f.protocol,
      sourceIp: f.sourceIp,
      userAgent: f.userAgent,
    },
    requestId: ticket.requestId,
    routeKey: ticket.routeKey,
    stage: ticket.stage,
    time: clfTime(f.epochMs),
    timeEpoch: f.epochMs,
  };
  if (f.request.body !== undefined) event.body = f.request.body;
  event.isBase64Encoded = false;
  return event;
}
