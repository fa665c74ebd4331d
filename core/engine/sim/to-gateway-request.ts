import type { GatewayRequest } from '../gateway/types.ts';
import type { PlannedRequest } from '../scenario/request-generator.ts';

function decode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Splits a planned request's wire path into the path and its query (first value per name), as a server would. */
export function toGatewayRequest(request: PlannedRequest): GatewayRequest {
  const mark = request.path.indexOf('?');
  // Without a query the planned request already is a gateway request: no copy per request.
  if (mark === -1) return request;
  const query: Record<string, string> = {};
  for (const pair of request.path.slice(mark + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    if (!Object.hasOwn(query, name)) query[name] = eq === -1 ? '' : decode(pair.slice(eq + 1));
  }
  return {
    method: request.method,
    path: request.path.slice(0, mark),
    query,
    headers: request.headers,
    body: request.body,
    apiId: request.apiId,
  };
}
