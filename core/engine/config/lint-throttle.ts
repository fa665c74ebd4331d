import type { PathSegment } from '../validation/json-path.ts';
import { README, num, warn, type LintWarning } from './lint-support.ts';
import type { GatewayConfig } from './schema.ts';

/** One place a throttle is written: the account, a stage's method setting, a usage plan or its per-method entry. */
interface Layer {
  path: PathSegment[];
  rateKey: string;
  burstKey: string;
  /** The fields written here. */
  own: { rate: number | undefined; burst: number | undefined };
  /** The fields in force here before the account fills a gap (a method entry falls back to `*\/*` field by field). */
  effective: { rate: number | undefined; burst: number | undefined };
  checkAboveAccount: boolean;
}

function lintLayer(layer: Layer, config: GatewayConfig): LintWarning[] {
  const out: LintWarning[] = [];
  const { own, effective, path } = layer;
  const account = { rate: config.account.throttlingRateLimit, burst: config.account.throttlingBurstLimit };
  const rate = effective.rate ?? account.rate;
  const burst = effective.burst ?? account.burst;
  const ratePath = [...path, layer.rateKey];
  const burstPath = [...path, layer.burstKey];
  if (own.burst === 0 && rate !== -1) {
    const message =
      'burst 0 blocks every request: the bucket can never hold the one token a request needs, whatever the rate';
    out.push(warn('burst-zero', burstPath, message, README.buckets));
  }
  if (own.rate === 0 && burst > 0) {
    const message = `rate 0 with burst ${num(burst)} admits ${num(burst)} requests and then nothing: the bucket never refills`;
    out.push(warn('rate-zero', ratePath, message, README.buckets));
  }
  const half =
    (own.rate !== undefined || own.burst !== undefined) &&
    (effective.rate === undefined) !== (effective.burst === undefined);
  if (half) {
    const message =
      effective.rate === undefined
        ? `only ${layer.burstKey} is set, so the rate is the account's (${num(account.rate)}/s) and this layer barely limits the rate; set both`
        : `only ${layer.rateKey} is set, so the burst is the account's (${num(account.burst)}) and this layer admits bursts that large; set both`;
    out.push(warn('half-set-limits', path, message, README.buckets));
  }
  if (layer.checkAboveAccount) {
    const shared = 'the account bucket, shared by every API and stage, empties first';
    if (own.rate !== undefined && account.rate !== -1 && own.rate > account.rate) {
      const message = `${num(own.rate)}/s is above the account's ${num(account.rate)}/s: ${shared}, so this rate is never reached`;
      out.push(warn('above-account', ratePath, message, README.buckets));
    }
    if (own.burst !== undefined && account.burst !== -1 && own.burst > account.burst) {
      const message = `burst ${num(own.burst)} is above the account's ${num(account.burst)}: ${shared}, so this burst is never reached`;
      out.push(warn('above-account', burstPath, message, README.buckets));
    }
  }
  return out;
}

function* layers(config: GatewayConfig): Generator<Layer> {
  const { account } = config;
  const accountLimits = { rate: account.throttlingRateLimit, burst: account.throttlingBurstLimit };
  yield {
    path: ['account'],
    rateKey: 'throttlingRateLimit',
    burstKey: 'throttlingBurstLimit',
    own: accountLimits,
    effective: accountLimits,
    checkAboveAccount: false,
  };
  for (const [apiIndex, api] of config.apis.entries()) {
    for (const [stageIndex, stage] of api.stages.entries()) {
      const settings = stage.methodSettings ?? {};
      const star = settings['*/*'] ?? {};
      for (const [key, setting] of Object.entries(settings)) {
        const own = { rate: setting.throttlingRateLimit, burst: setting.throttlingBurstLimit };
        yield {
          path: ['apis', apiIndex, 'stages', stageIndex, 'methodSettings', key],
          rateKey: 'throttlingRateLimit',
          burstKey: 'throttlingBurstLimit',
          own,
          effective: { rate: own.rate ?? star.throttlingRateLimit, burst: own.burst ?? star.throttlingBurstLimit },
          checkAboveAccount: true,
        };
      }
    }
  }
  for (const [planIndex, plan] of config.usagePlans.entries()) {
    const planLayer = (path: PathSegment[], t: { rateLimit?: number | undefined; burstLimit?: number | undefined }) => {
      const own = { rate: t.rateLimit, burst: t.burstLimit };
      return { path, rateKey: 'rateLimit', burstKey: 'burstLimit', own, effective: own, checkAboveAccount: true };
    };
    if (plan.throttle) yield planLayer(['usagePlans', planIndex, 'throttle'], plan.throttle);
    for (const [stageIndex, apiStage] of plan.apiStages.entries()) {
      for (const [key, throttle] of Object.entries(apiStage.throttle ?? {})) {
        yield planLayer(['usagePlans', planIndex, 'apiStages', stageIndex, 'throttle', key], throttle);
      }
    }
  }
}

/**
 * Throttle settings that don't do what they seem to: burst 0, rate 0 with a burst, only one of rate and
 * burst set (the other is the account's), and limits above the account's.
 */
export function lintThrottles(config: GatewayConfig): LintWarning[] {
  return [...layers(config)].flatMap((layer) => lintLayer(layer, config));
}
