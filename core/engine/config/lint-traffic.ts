import { RouteMatcher } from '../routing/route-matcher.ts';
import { planTrace } from '../scenario/trace.ts';
import type { Scenario } from '../scenario/schema.ts';
import { servedRoutes, type ServedRoute } from './lint-support.ts';
import type { ApiConfig, GatewayConfig } from './schema.ts';

/** Requests of one kind as the scenario sends them: to one served route, with one API key (or none). */
export interface Flow {
  api: ApiConfig;
  apiIndex: number;
  stageIndex: number;
  served: ServedRoute;
  keyValue: string | null;
  /** Phases and closed loops: this flow's fraction of all first attempts (mix weight × client share). */
  share: number;
  /** Traces: the flow's arrivals. */
  arrivals: Array<{ at: number; count: number }>;
  /** The query parameter names its requests carry. */
  query: string[];
}

interface Target {
  api: ApiConfig;
  apiIndex: number;
  stageIndex: number;
  matcher: RouteMatcher<ServedRoute>;
}

function targetOf(config: GatewayConfig, apiId: string, stageName: string): Target | null {
  const apiIndex = config.apis.findIndex((a) => a.id === apiId);
  const api = config.apis[apiIndex];
  const stageIndex = api?.stages.findIndex((s) => s.name === stageName) ?? -1;
  const stage = api?.stages[stageIndex];
  if (api === undefined || stage === undefined) return null;
  const matcher = new RouteMatcher<ServedRoute>(api.protocol === 'HTTP');
  for (const served of servedRoutes(api, apiIndex, stage)) {
    const method = served.route.path === '$default' ? 'ANY' : (served.route.method ?? 'ANY');
    matcher.add(method, served.route.path, served);
  }
  return { api, apiIndex, stageIndex, matcher };
}

function mixFlows(config: GatewayConfig, scenario: Scenario): Flow[] {
  const totalWeight = scenario.mix.reduce((sum, m) => sum + m.weight, 0);
  const clients = scenario.clients.length > 0 ? scenario.clients : [{ apiKey: undefined, share: 1 }];
  const totalShare = clients.reduce((sum, c) => sum + c.share, 0);
  const flows: Flow[] = [];
  for (const entry of scenario.mix) {
    const target = targetOf(config, entry.apiId ?? scenario.target.apiId, entry.stage ?? scenario.target.stage);
    // Any placeholder value will do: only which route matches matters here.
    const match = target?.matcher.match(entry.method, entry.path.replace(/\{[^{}]*\}/g, 'x'), 0);
    if (!target || !match) continue;
    const setsKey = Object.keys(entry.headers ?? {}).some((h) => h.toLowerCase() === 'x-api-key');
    for (const client of clients) {
      flows.push({
        ...target,
        served: match.route,
        keyValue: setsKey ? null : (client.apiKey ?? null),
        share: (entry.weight / totalWeight) * (client.share / totalShare),
        arrivals: [],
        query: Object.keys(entry.query ?? {}),
      });
    }
  }
  return flows;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function traceFlows(config: GatewayConfig, scenario: Scenario & { trace: NonNullable<Scenario['trace']> }): Flow[] {
  const flows: Flow[] = [];
  for (const { at, count, request } of planTrace(scenario)) {
    const api = config.apis.find((a) => a.id === request.apiId);
    if (api === undefined) continue;
    const [pathPart = '', queryPart] = request.path.split('?', 2);
    const first = pathPart.split('/')[1] ?? '';
    const named = api.stages.some((s) => s.name === first);
    // REST takes the stage from the first segment; an HTTP API falls back to its $default stage (SPEC §3).
    const stageName = named ? first : api.protocol === 'HTTP' ? '$default' : null;
    const target = stageName === null ? null : targetOf(config, api.id, stageName);
    const from = named ? first.length + 1 : 0;
    const match = target?.matcher.match(request.method, pathPart, Math.min(from, pathPart.length));
    if (!target || !match) continue;
    const query = (queryPart ?? '')
      .split('&')
      .filter((p) => p !== '')
      .map((p) => safeDecode(p.split('=')[0] ?? ''));
    flows.push({
      ...target,
      served: match.route,
      keyValue: request.headers['x-api-key'] ?? null,
      share: 0,
      arrivals: [{ at, count }],
      query,
    });
  }
  return flows;
}

/**
 * Maps a scenario's requests onto the config: which served route each kind of request reaches, with which
 * API key and which query parameters. Requests that match no stage or route are left out.
 */
export function trafficFlows(config: GatewayConfig, scenario: Scenario): Flow[] {
  return scenario.trace ? traceFlows(config, scenario) : mixFlows(config, scenario);
}
