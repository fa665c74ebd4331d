import { apiAt } from './config-info.ts';
import { asArray, asNumber, asObject } from './json.ts';

/** SPEC §2: the account throttle when the config leaves it out. */
const ACCOUNT_DEFAULT = { throttlingRateLimit: 10_000, throttlingBurstLimit: 5_000 };
const DEFAULT_TTL = 300;

export type StageLimit = 'throttlingRateLimit' | 'throttlingBurstLimit';
export type PlanLimit = 'rateLimit' | 'burstLimit';

const PLAN_TO_ACCOUNT: Record<PlanLimit, StageLimit> = {
  rateLimit: 'throttlingRateLimit',
  burstLimit: 'throttlingBurstLimit',
};

/** The account's rate or burst as it applies: the config's, else AWS's default. */
export function accountLimit(config: unknown, field: StageLimit): number {
  return asNumber(asObject(asObject(config)['account'])[field]) ?? ACCOUNT_DEFAULT[field];
}

/** What the account field shows when empty. */
export const accountPlaceholder = (field: StageLimit): string => `default: ${ACCOUNT_DEFAULT[field]}`;

function settings(config: unknown, api: number, stage: number) {
  const s = asObject(asArray(apiAt(config, api)['stages'])[stage]);
  return asObject(s['methodSettings']);
}

/**
 * What a stage throttle field inherits when left empty (SPEC §2): a method's entry falls back to `*\/*` field by
 * field, and a rate or burst still unset takes the account's value.
 */
export function stageLimitPlaceholder(
  config: unknown,
  api: number,
  stage: number,
  methodKey: string,
  field: StageLimit,
): string {
  if (methodKey !== '*/*') {
    const star = asNumber(asObject(settings(config, api, stage)['*/*'])[field]);
    if (star !== undefined) return `inherits ${star} from */*`;
  }
  return `account: ${accountLimit(config, field)}`;
}

/** Caching a method gets when its own entry leaves it out: `*\/*` turns caching on for GET only (SPEC §4). */
export function cachingPlaceholder(config: unknown, api: number, stage: number, methodKey: string): string {
  const star = asObject(settings(config, api, stage)['*/*'])['cachingEnabled'];
  if (methodKey === '*/*') return 'not set (off)';
  const method = methodKey.split(' ')[0];
  if (method !== 'GET' && method !== 'ANY') return 'not set (off: */* caches GET only)';
  return typeof star === 'boolean' ? `inherits ${star ? 'on' : 'off'} from */*` : 'not set (off)';
}

/** The TTL a method gets when its own entry leaves it out. */
export function ttlPlaceholder(config: unknown, api: number, stage: number, methodKey: string): string {
  const star = asNumber(asObject(settings(config, api, stage)['*/*'])['cacheTtlInSeconds']);
  if (methodKey !== '*/*' && star !== undefined) return `inherits ${star} from */*`;
  return `default: ${DEFAULT_TTL}`;
}

/** A usage plan's throttle, or one of its per-method entries, left empty: the account's value applies. */
export const planLimitPlaceholder = (config: unknown, field: PlanLimit): string =>
  `account: ${accountLimit(config, PLAN_TO_ACCOUNT[field])}`;
