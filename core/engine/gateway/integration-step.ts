import type { RandomSource } from '../random/random-source.ts';
import type { TemplateContext } from '../integration/template.ts';
import { integrationError } from './error-responses.ts';
import type { DeploymentView, RouteRuntime, StageRuntime } from './runtime.ts';
import type { GatewayRequest, GatewayResponse, IntegrationTicket, PendingCompletion } from './types.ts';

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

export interface TicketInput {
  request: GatewayRequest;
  requestId: string;
  stage: StageRuntime;
  view: DeploymentView;
  route: RouteRuntime;
  params: Readonly<Record<string, string>> | null;
  nowMs: number;
  random: RandomSource;
  epochMs: number;
  pending: PendingCompletion;
}

/**
 * Invokes the route's integration model: counts the call (`${integration.callCount}`, in processing order),
 * draws the error and latency from the engine's random stream, and renders MOCK templates.
 */
export function buildTicket(input: TicketInput): IntegrationTicket {
  const { request, route, stage, view, nowMs } = input;
  const callCount = ++route.callCounter.n;
  const pathParams = input.params ?? NO_PARAMS;
  const context: TemplateContext = {
    stageVariables: view.variables,
    pathParams,
    query: request.query,
    headers: request.headers,
    requestId: input.requestId,
    stage: stage.name,
    requestTimeEpoch: input.epochMs + nowMs,
    callCount,
  };
  const failed = route.errorRate > 0 && input.random.next() < route.errorRate;
  const drawn = route.latency(input.random);
  // A modelled answer slower than the integration's timeout is the timeout, at the timeout (SPEC §9 table).
  const timedOut = drawn >= route.timeoutMs;
  const latencyMs = timedOut ? route.timeoutMs : drawn;
  let modeled: GatewayResponse & { latencyMs: number };
  if (failed) {
    const error = integrationError(stage.protocol, 'internal', route.errorStatusCode);
    modeled = { status: error.status, headers: { 'content-type': 'application/json' }, body: error.body, latencyMs };
  } else {
    const headers: Record<string, string> = {};
    for (const [name, template] of route.headerTemplates) headers[name] = template(context);
    modeled = { status: route.statusCode, headers, body: route.bodyTemplate(context), latencyMs };
  }
  const prefixLength = request.path.length - stagePathLength(request.path, stage);
  return {
    kind: 'integrate',
    requestId: input.requestId,
    receivedAt: nowMs,
    request,
    protocol: stage.protocol,
    apiId: stage.apiId,
    stage: stage.name,
    routeKey: route.key,
    resourcePath: route.path,
    canary: view.canary,
    integration: route.integration,
    pathParams,
    stageVariables: view.variables,
    stagePath: request.path.slice(prefixLength) || '/',
    uri: route.uriTemplate === null ? null : route.uriTemplate(context),
    modeled,
    modeledTimeout: timedOut,
    callCount,
    pending: input.pending,
  };
}

/** Length of the path after the stage segment (the whole path for an HTTP API's `$default` stage at the root). */
function stagePathLength(path: string, stage: StageRuntime): number {
  const prefix = `/${stage.name}`;
  if (stage.name !== '$default' && (path === prefix || path.startsWith(`${prefix}/`)))
    return path.length - prefix.length;
  return path.length;
}
