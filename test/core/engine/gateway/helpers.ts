import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { Gateway, type GatewayOptions } from '../../../../core/engine/gateway/gateway.ts';
import type { Completed, GatewayRequest, IntegrationTicket } from '../../../../core/engine/gateway/types.ts';

/** Any JSON config as a test writes it; `parseConfig` validates it. */
export type JsonConfig = Record<string, unknown>;

/** Validates a config written as JSON, failing the test with every problem when it is invalid. */
export function configFrom(json: JsonConfig): GatewayConfig {
  const parsed = parseConfig(json);
  if (!parsed.ok) throw new Error(`invalid test config: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

export function gatewayFrom(json: JsonConfig, options: GatewayOptions = {}): Gateway {
  return new Gateway(configFrom(json), options);
}

/** A request with defaults: GET, no headers. */
export type RequestSpec = Partial<GatewayRequest> & { path: string };

export function request(spec: RequestSpec): GatewayRequest {
  return { method: 'GET', headers: {}, ...spec };
}

/**
 * Sends one request at `nowMs`. An integration ticket is finished with its modelled answer either at once
 * (`finish: 'now'`, the default) or after its modelled latency (`finish: 'latency'`).
 */
export function send(
  gateway: Gateway,
  spec: RequestSpec,
  nowMs = 0,
  finish: 'now' | 'latency' = 'now',
): Completed & { ticket: IntegrationTicket | null } {
  const decision = gateway.handle(request(spec), nowMs);
  if (decision.kind === 'done') return { ...decision, ticket: null };
  const at = finish === 'now' ? nowMs : nowMs + decision.modeled.latencyMs;
  return { ...gateway.complete(decision, decision.modeled, at), ticket: decision };
}

/** Sends the same request `count` times at one instant and returns the statuses. */
export function burst(gateway: Gateway, spec: RequestSpec, count: number, nowMs = 0): number[] {
  return Array.from({ length: count }, () => send(gateway, spec, nowMs).response.status);
}

export function countOf<T>(values: readonly T[], value: T): number {
  return values.filter((v) => v === value).length;
}

/** `handle` that must return a ticket. */
export function ticketFor(gateway: Gateway, spec: RequestSpec, nowMs = 0): IntegrationTicket {
  const decision = gateway.handle(request(spec), nowMs);
  if (decision.kind !== 'integrate') throw new Error(`expected a ticket, got ${decision.response.status}`);
  return decision;
}

export function bodyOf(result: Completed): unknown {
  return JSON.parse(result.response.body);
}

/** A MOCK integration that echoes a template. */
export function mock(body = '', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'MOCK', body, ...extra };
}

/** A one-API REST config. */
export function restConfig(options: {
  routes: unknown[];
  stages?: unknown[];
  deployments?: unknown[];
  account?: Record<string, number>;
  usagePlans?: unknown[];
  apiKeys?: unknown[];
  id?: string;
}): JsonConfig {
  return {
    formatVersion: 1,
    ...(options.account ? { account: options.account } : {}),
    apis: [
      {
        id: options.id ?? 'pets',
        protocol: 'REST',
        routes: options.routes,
        deployments: options.deployments ?? [],
        stages: options.stages ?? [{ name: 'prod' }],
      },
    ],
    usagePlans: options.usagePlans ?? [],
    apiKeys: options.apiKeys ?? [],
  };
}

/** A one-API HTTP config. */
export function httpConfig(options: {
  routes: unknown[];
  stages?: unknown[];
  deployments?: unknown[];
  account?: Record<string, number>;
}): JsonConfig {
  return {
    formatVersion: 1,
    ...(options.account ? { account: options.account } : {}),
    apis: [
      {
        id: 'web',
        protocol: 'HTTP',
        routes: options.routes,
        deployments: options.deployments ?? [],
        stages: options.stages ?? [{ name: '$default' }],
      },
    ],
  };
}
