import type { TuningLayer } from '../../core/contract/lab-api.ts';
import type { GatewayConfig } from '../lab/types.ts';
import { locate } from './layers.ts';

/** The figures the dashboard's sliders change: a layer's rate and burst, a plan's quota, a cache TTL. */
export type TuneField = 'rate' | 'burst' | 'quota' | 'ttl';

/** One slider's figure as the config sets it now. */
export interface FieldState {
  field: TuneField;
  label: string;
  unit: string;
  value: number;
  /** Where the value comes from when this layer doesn't set it, e.g. `from "*\/*"`; null when set here. */
  source: string | null;
  /** The slider's range; the number field accepts -1 (no limit) for rates and bursts, and beyond `max`. */
  max: number;
  step: number;
}

/** SPEC §4: 300 s unless set, at most 3600 s. */
const DEFAULT_TTL = 300;
const MAX_TTL = 3600;

/** A slider end that leaves room to double the value: 1, 2 or 5 times a power of ten. */
export function sliderMax(value: number): number {
  const target = Math.max(10, value * 2);
  const power = 10 ** Math.floor(Math.log10(target));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((n) => n >= target);
  return nice ?? target;
}

const state = (field: TuneField, value: number, source: string | null): FieldState => {
  const labels: Record<TuneField, [string, string]> = {
    rate: ['Rate', 'req/s'],
    burst: ['Burst', 'requests'],
    quota: ['Quota', 'requests/period'],
    ttl: ['Cache TTL', 's'],
  };
  const [label, unit] = labels[field];
  const max = field === 'ttl' ? MAX_TTL : sliderMax(value);
  return { field, label, unit, value, source, max, step: field === 'rate' && max <= 20 ? 0.5 : 1 };
};

/** The sliders a layer has in this config, pre-filled with what is in force. */
export function fieldsFor(config: GatewayConfig, layer: TuningLayer): FieldState[] {
  const account = config.account;
  const at = locate(config, layer);
  if (at === null) return [];
  if (at.kind === 'account') {
    return [state('rate', account.throttlingRateLimit, null), state('burst', account.throttlingBurstLimit, null)];
  }
  if (at.kind === 'usagePlan') {
    const t = at.plan.throttle;
    const unset =
      t?.rateLimit === undefined && t?.burstLimit === undefined ? 'unset: no bucket yet' : 'from the account';
    const fields = [
      state('rate', t?.rateLimit ?? account.throttlingRateLimit, t?.rateLimit === undefined ? unset : null),
      state('burst', t?.burstLimit ?? account.throttlingBurstLimit, t?.burstLimit === undefined ? unset : null),
    ];
    if (at.plan.quota) fields.push(state('quota', at.plan.quota.limit, null));
    return fields;
  }
  const settings = at.stage.methodSettings ?? {};
  const star = settings['*/*'];
  const own = settings[at.key];
  const pick = <K extends 'throttlingRateLimit' | 'throttlingBurstLimit' | 'cacheTtlInSeconds'>(
    name: K,
    fallback: number,
    fallbackSource: string,
  ): [number, string | null] => {
    if (own?.[name] !== undefined) return [own[name], null];
    if (at.key !== '*/*' && star?.[name] !== undefined) return [star[name], 'from "*/*"'];
    return [fallback, fallbackSource];
  };
  const fields = [
    state('rate', ...pick('throttlingRateLimit', account.throttlingRateLimit, 'from the account')),
    state('burst', ...pick('throttlingBurstLimit', account.throttlingBurstLimit, 'from the account')),
  ];
  if (at.api.protocol === 'REST' && at.stage.cacheClusterEnabled) {
    fields.push(state('ttl', ...pick('cacheTtlInSeconds', DEFAULT_TTL, 'default')));
  }
  return fields;
}

const SETTING: Record<
  Exclude<TuneField, 'quota'>,
  'throttlingRateLimit' | 'throttlingBurstLimit' | 'cacheTtlInSeconds'
> = { rate: 'throttlingRateLimit', burst: 'throttlingBurstLimit', ttl: 'cacheTtlInSeconds' };

/** The JSON path of a field in the config document (for the editor's `setField`); null where it has none. */
export function fieldPath(config: GatewayConfig, layer: TuningLayer, field: TuneField): Array<string | number> | null {
  const at = locate(config, layer);
  if (at === null) return null;
  if (at.kind === 'account') {
    return field === 'rate' || field === 'burst' ? ['account', SETTING[field]] : null;
  }
  if (at.kind === 'usagePlan') {
    if (field === 'quota') return at.plan.quota ? ['usagePlans', at.planIndex, 'quota', 'limit'] : null;
    if (field === 'ttl') return null;
    return ['usagePlans', at.planIndex, 'throttle', field === 'rate' ? 'rateLimit' : 'burstLimit'];
  }
  if (field === 'quota') return null;
  return ['apis', at.apiIndex, 'stages', at.stageIndex, 'methodSettings', at.key, SETTING[field]];
}

/** Whole numbers where the config wants them (bursts, quotas, TTLs); rates may be fractional. */
export function normalise(field: TuneField, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const floored = Math.max(-1, value);
  return field === 'rate' ? floored : Math.round(floored);
}

/** A copy of the config with `values` set at `layer`. */
export function withFields(
  config: GatewayConfig,
  layer: TuningLayer,
  values: Partial<Record<TuneField, number>>,
): GatewayConfig {
  let next: unknown = structuredClone(config);
  for (const [field, value] of Object.entries(values) as Array<[TuneField, number]>) {
    const path = fieldPath(config, layer, field);
    if (path !== null) next = setPath(next, path, normalise(field, value));
  }
  return next as GatewayConfig;
}

/** Sets a value at a path in a cloned document, creating objects on the way. */
function setPath(root: unknown, path: Array<string | number>, value: number): unknown {
  let node = root as Record<string | number, unknown>;
  path.forEach((segment, i) => {
    if (i === path.length - 1) node[segment] = value;
    else node = (node[segment] ??= {}) as Record<string | number, unknown>;
  });
  return root;
}
