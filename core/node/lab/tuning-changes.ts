import type { ConfigChange } from '../../contract/lab-api.ts';
import type { GatewayConfig, MethodSetting } from '../../engine/config/schema.ts';
import type { RunMeta } from './run-summary.ts';

/** A hot-apply as the history keeps it: the annotation, plus the whole config applied, so a run can be replayed. */
export interface StoredChange extends ConfigChange {
  config: GatewayConfig;
}

/** A run's history metadata with the config changes hot-applied while it ran. */
export type TunedMeta = RunMeta & { changes?: StoredChange[] };

/** Reads the `changes` of a saved `lab` block, skipping anything that isn't one. */
export function storedChanges(value: unknown): StoredChange[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (c): c is StoredChange =>
      c !== null &&
      typeof c === 'object' &&
      typeof (c as StoredChange).atMs === 'number' &&
      typeof (c as StoredChange).description === 'string',
  );
}

/** The annotations of a run's changes, without the configs. */
export const annotations = (changes: readonly StoredChange[] | undefined): ConfigChange[] =>
  (changes ?? []).map(({ atMs, description }) => ({ atMs, description }));

type Figure = number | string | boolean | undefined;

const show = (value: Figure): string => (value === undefined ? 'unset' : String(value));

function compare(out: string[], where: string, pairs: Array<[string, Figure, Figure]>): void {
  const changed = pairs.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name} ${show(a)} → ${show(b)}`);
  if (changed.length > 0) out.push(`${where}: ${changed.join(', ')}`);
}

const settingPairs = (a: MethodSetting | undefined, b: MethodSetting | undefined): Array<[string, Figure, Figure]> => [
  ['rate', a?.throttlingRateLimit, b?.throttlingRateLimit],
  ['burst', a?.throttlingBurstLimit, b?.throttlingBurstLimit],
  ['caching', a?.cachingEnabled, b?.cachingEnabled],
  ['TTL', a?.cacheTtlInSeconds, b?.cacheTtlInSeconds],
];

const keysOf = (a: object | undefined, b: object | undefined): string[] => [
  ...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]),
];

function stageChanges(out: string[], before: GatewayConfig, after: GatewayConfig, severalApis: boolean): void {
  for (const api of after.apis) {
    const old = before.apis.find((a) => a.id === api.id);
    for (const stage of api.stages) {
      const prior = old?.stages.find((s) => s.name === stage.name);
      const name = `stage ${severalApis ? `${api.id}/` : ''}${stage.name}`;
      compare(out, name, [
        ['deployment', prior?.deploymentId, stage.deploymentId],
        ['cache', prior?.cacheClusterEnabled, stage.cacheClusterEnabled],
        ['cache size', prior?.cacheClusterSize, stage.cacheClusterSize],
        ['canary %', prior?.canarySettings?.percentTraffic, stage.canarySettings?.percentTraffic],
      ]);
      for (const key of keysOf(prior?.methodSettings, stage.methodSettings)) {
        const where = `${name} ${key === '*/*' ? '"*/*"' : key}`;
        compare(out, where, settingPairs(prior?.methodSettings?.[key], stage.methodSettings?.[key]));
      }
    }
  }
}

function planChanges(out: string[], before: GatewayConfig, after: GatewayConfig): void {
  for (const plan of after.usagePlans) {
    const old = before.usagePlans.find((p) => p.id === plan.id);
    compare(out, `usage plan ${plan.id}`, [
      ['rate', old?.throttle?.rateLimit, plan.throttle?.rateLimit],
      ['burst', old?.throttle?.burstLimit, plan.throttle?.burstLimit],
      ['quota', old?.quota?.limit, plan.quota?.limit],
      ['quota period', old?.quota?.period, plan.quota?.period],
    ]);
    for (const apiStage of plan.apiStages) {
      const prior = old?.apiStages.find((s) => s.apiId === apiStage.apiId && s.stage === apiStage.stage);
      for (const key of keysOf(prior?.throttle, apiStage.throttle)) {
        const a = prior?.throttle?.[key];
        const b = apiStage.throttle?.[key];
        compare(out, `usage plan ${plan.id} ${apiStage.stage} ${key}`, [
          ['rate', a?.rateLimit, b?.rateLimit],
          ['burst', a?.burstLimit, b?.burstLimit],
        ]);
      }
    }
  }
}

/**
 * A one-line account of what a hot-apply changed, for the chart annotation: the throttle, quota and cache
 * figures that differ, layer by layer (`stage prod "*\/*": rate 100 → 300`). Anything else is "other settings".
 */
export function describeConfigChange(before: GatewayConfig, after: GatewayConfig): string {
  const out: string[] = [];
  compare(out, 'account', [
    ['rate', before.account.throttlingRateLimit, after.account.throttlingRateLimit],
    ['burst', before.account.throttlingBurstLimit, after.account.throttlingBurstLimit],
  ]);
  stageChanges(out, before, after, after.apis.length > 1);
  planChanges(out, before, after);
  if (out.length > 0) return out.join('; ');
  return JSON.stringify(before) === JSON.stringify(after) ? 'no change' : 'other settings changed';
}
