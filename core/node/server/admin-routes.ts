import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseConfig } from '../../engine/config/parse-config.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { hasAdminToken } from './admin-auth.ts';
import type { GatewayHost } from './gateway-host.ts';
import type { MetricsBody } from './metrics-shape.ts';
import { parseQueryFirst } from './query-string.ts';
import { readBody } from './read-body.ts';
import type { AdminHandler } from './request-listener.ts';
import { MAX_BODY_BYTES, writeJson, writeRequestTooLong } from './write-response.ts';

/** Whether the admin endpoints need the token, and which one. */
export interface AdminAuth {
  token: string;
  required: boolean;
}

type Route = (host: GatewayHost, res: ServerResponse, query: Record<string, string>, body: string | undefined) => void;

/** The current metrics, buckets and quotas: the body of `GET /_gatelab/metrics`. */
export function metricsBody(host: GatewayHost): MetricsBody {
  const now = host.now();
  const { stages, routes } = host.gateway.metrics();
  return { time: now, stages, routes, buckets: host.gateway.bucketLevels(now), quotas: host.gateway.quotaUsage(now) };
}

function parseJson(body: string | undefined): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(body ?? '') };
  } catch (error) {
    return { ok: false, message: `malformed JSON: ${(error as Error).message}` };
  }
}

const putConfig: Route = (host, res, _query, body) => {
  const json = parseJson(body);
  if (!json.ok) return writeJson(res, 400, { message: 'Invalid config', errors: [json.message] });
  const parsed = parseConfig(json.value);
  if (!parsed.ok) {
    return writeJson(res, 400, { message: 'Invalid config', errors: parsed.problems.map(formatProblem) });
  }
  host.applyConfig(parsed.value);
  writeJson(res, 200, { status: 'applied' });
};

const deleteCache: Route = (host, res, query) => {
  const stage = query.stage;
  if (stage === undefined || stage === '') return writeJson(res, 400, { message: 'Name the stage: ?stage=S' });
  const apiId = query.apiId ?? host.gateway.config.apis[0]?.id ?? '';
  if (!host.gateway.flushCache(apiId, stage)) {
    return writeJson(res, 404, { message: `Stage ${stage} of API ${apiId} has no cache` });
  }
  writeJson(res, 200, { status: 'flushed', apiId, stage });
};

const postClock: Route = (host, res, _query, body) => {
  if (host.clockKind !== 'manual') {
    return writeJson(res, 409, { message: 'The server runs on the system clock; start it with --clock manual' });
  }
  const json = parseJson(body);
  const advanceMs = json.ok ? (json.value as { advanceMs?: unknown } | null)?.advanceMs : undefined;
  if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
    return writeJson(res, 400, { message: 'Expected {"advanceMs": N} with N ≥ 0' });
  }
  writeJson(res, 200, { now: host.advance(advanceMs) });
};

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  health: { GET: (_host, res) => writeJson(res, 200, { status: 'ok' }) },
  metrics: { GET: (host, res) => writeJson(res, 200, metricsBody(host)) },
  config: { GET: (host, res) => writeJson(res, 200, host.gateway.config), PUT: putConfig },
  reset: {
    POST: (host, res) => {
      host.gateway.reset(host.now());
      writeJson(res, 200, { status: 'reset' });
    },
  },
  cache: { DELETE: deleteCache },
  clock: { POST: postClock },
};

/**
 * The admin endpoints under `/_gatelab/` (SPEC §5, §9 "gatewayserve controls"): health, metrics, config
 * read and hot swap, reset, cache flush and the manual clock. With `auth.required` (a non-loopback bind)
 * each needs the token, as `Authorization: Bearer …` or `x-gatelab-token`.
 */
export function createAdminHandler(host: GatewayHost, auth: AdminAuth): AdminHandler {
  return (incoming: IncomingMessage, res: ServerResponse, url: string) => {
    if (auth.required && !hasAdminToken(incoming.headers, auth.token)) {
      incoming.resume();
      return writeJson(res, 401, { message: 'Unauthorized: this endpoint needs the admin token the server printed' });
    }
    const q = url.indexOf('?');
    const name = url.slice('/_gatelab/'.length, q === -1 ? url.length : q).replace(/\/$/, '');
    const query = q === -1 ? {} : parseQueryFirst(url.slice(q + 1));
    const methods = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
    const method = incoming.method ?? 'GET';
    const route = methods !== undefined && Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (methods === undefined || route === undefined) {
      incoming.resume();
      if (methods === undefined) return writeJson(res, 404, { message: `No admin endpoint /_gatelab/${name}` });
      const allowed = Object.keys(methods);
      return writeJson(res, 405, { message: `Use ${allowed.join(' or ')}` }, { allow: allowed.join(', ') });
    }
    readBody(incoming, MAX_BODY_BYTES, (body) => {
      if (body === null) writeRequestTooLong(res);
      else route(host, res, query, body);
    });
  };
}
