import type { GatewayConfig, MethodSetting } from '../config/schema.ts';

/** A throttle layer a limit can be tuned at (the CLI's `--layer`). */
export type TuningLayer =
  | { kind: 'account' }
  | { kind: 'stage'; apiId: string; stage: string }
  | { kind: 'method'; apiId: string; stage: string; routeKey: string }
  | { kind: 'usagePlan'; planId: string };

export interface Limits {
  rate: number;
  burst: number;
}

/**
 * Parses `account`, `stage:STAGE`, `method:STAGE:GET /p` or `usagePlan:ID`; stages belong to `apiId`.
 * Returns an error message for anything else.
 */
export function parseLayer(text: string, apiId: string): TuningLayer | string {
  if (text === 'account') return { kind: 'account' };
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':');
  if (kind === 'stage' && value !== '') return { kind: 'stage', apiId, stage: value };
  if (kind === 'usagePlan' && value !== '') return { kind: 'usagePlan', planId: value };
  if (kind === 'method') {
    const colon = value.indexOf(':');
    const routeKey = value.slice(colon + 1).replace(/^"|"$/g, '');
    if (colon > 0 && /^[A-Z]+ \S+$/.test(routeKey))
      return { kind: 'method', apiId, stage: value.slice(0, colon), routeKey };
  }
  return `--layer: expected account, stage:STAGE, method:STAGE:"METHOD /path" or usagePlan:ID, got "${text}"`;
}

export function describeLayer(layer: TuningLayer): string {
  switch (layer.kind) {
    case 'account':
      return 'account';
    case 'stage':
      return `stage ${layer.stage} (all methods, "*/*")`;
    case 'method':
      return `stage ${layer.stage}, ${layer.routeKey}`;
    case 'usagePlan':
      return `usage plan ${layer.planId} (per key)`;
  }
}

function findStage(config: GatewayConfig, apiId: string, stage: string) {
  return config.apis.find((a) => a.id === apiId)?.stages.find((s) => s.name === stage);
}

/** Checks that the layer exists in the config; an error message otherwise. */
export function checkLayer(config: GatewayConfig, layer: TuningLayer): string | null {
  if (layer.kind === 'account') return null;
  if (layer.kind === 'usagePlan') {
    return config.usagePlans.some((p) => p.id === layer.planId) ? null : `--layer: no usage plan "${layer.planId}"`;
  }
  if (!findStage(config, layer.apiId, layer.stage)) return `--layer: no stage "${layer.stage}" in API "${layer.apiId}"`;
  return null;
}

/** The limits in force at a layer, a missing field taking the account's value (SPEC §2). */
export function currentLimits(config: GatewayConfig, layer: TuningLayer): Limits {
  const account = { rate: config.account.throttlingRateLimit, burst: config.account.throttlingBurstLimit };
  if (layer.kind === 'account') return account;
  if (layer.kind === 'usagePlan') {
    const throttle = config.usagePlans.find((p) => p.id === layer.planId)?.throttle;
    return { rate: throttle?.rateLimit ?? account.rate, burst: throttle?.burstLimit ?? account.burst };
  }
  const settings = findStage(config, layer.apiId, layer.stage)?.methodSettings ?? {};
  const star: MethodSetting = settings['*/*'] ?? {};
  const own: MethodSetting = layer.kind === 'method' ? (settings[layer.routeKey] ?? {}) : {};
  return {
    rate: own.throttlingRateLimit ?? star.throttlingRateLimit ?? account.rate,
    burst: own.throttlingBurstLimit ?? star.throttlingBurstLimit ?? account.burst,
  };
}

/** A copy of the config with the layer's limits set. */
export function withLimits(config: GatewayConfig, layer: TuningLayer, limits: Limits): GatewayConfig {
  const next = structuredClone(config);
  if (layer.kind === 'account') {
    next.account = { throttlingRateLimit: limits.rate, throttlingBurstLimit: limits.burst };
    return next;
  }
  if (layer.kind === 'usagePlan') {
    const plan = next.usagePlans.find((p) => p.id === layer.planId)!;
    plan.throttle = { rateLimit: limits.rate, burstLimit: limits.burst };
    return next;
  }
  const stage = findStage(next, layer.apiId, layer.stage)!;
  const key = layer.kind === 'stage' ? '*/*' : layer.routeKey;
  const settings = (stage.methodSettings ??= {});
  settings[key] = { ...settings[key], throttlingRateLimit: limits.rate, throttlingBurstLimit: limits.burst };
  return next;
}
