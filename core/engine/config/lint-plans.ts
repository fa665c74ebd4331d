import type { PathSegment } from '../validation/json-path.ts';
import { README, bound, num, servedRoutes, stageThrottle, warn, type LintWarning } from './lint-support.ts';
import type { GatewayConfig, UsagePlanConfig } from './schema.ts';

type PlanThrottle = { rateLimit?: number | undefined; burstLimit?: number | undefined };

interface Limits {
  rate: number;
  burst: number;
}

/** A plan layer's bucket as bounds (an unset field takes the account's), or null without a bucket or without a limit. */
function planBounds(config: GatewayConfig, throttle: PlanThrottle | undefined): Limits | null {
  if (throttle === undefined || (throttle.rateLimit === undefined && throttle.burstLimit === undefined)) return null;
  const rate = bound(throttle.rateLimit ?? config.account.throttlingRateLimit);
  const burst = bound(throttle.burstLimit ?? config.account.throttlingBurstLimit);
  return rate === Infinity || burst === Infinity ? null : { rate, burst };
}

const covers = (plan: Limits, stage: Limits): boolean => plan.rate >= stage.rate && plan.burst >= stage.burst;

function lintPlan(config: GatewayConfig, plan: UsagePlanConfig, planIndex: number): LintWarning[] {
  const out: LintWarning[] = [];
  const planWide = planBounds(config, plan.throttle);
  const governed: Limits[] = [];
  let unbounded = false;
  for (const [index, apiStage] of plan.apiStages.entries()) {
    const apiIndex = config.apis.findIndex((a) => a.id === apiStage.apiId);
    const api = config.apis[apiIndex];
    const stageIndex = api?.stages.findIndex((s) => s.name === apiStage.stage) ?? -1;
    const stage = api?.stages[stageIndex];
    if (api === undefined || stage === undefined || api.protocol !== 'REST') continue;
    const stagePath: PathSegment[] = ['apis', apiIndex, 'stages', stageIndex];
    const entries = apiStage.throttle ?? {};
    for (const served of servedRoutes(api, apiIndex, stage)) {
      if (served.route.apiKeyRequired !== true) continue;
      const limits = stageThrottle(config, stagePath, stage, served.key);
      const stageBounds = limits && { rate: bound(limits.rate), burst: bound(limits.burst) };
      const entry = entries[served.key];
      if (entry === undefined) {
        if (stageBounds === null) unbounded = true;
        else governed.push(stageBounds);
        continue;
      }
      const method = planBounds(config, entry);
      if (method === null || stageBounds === null || !covers(method, stageBounds)) continue;
      const message =
        `never binds: every request it throttles also passes the stage's limit for ${served.key} ` +
        `(${num(stageBounds.rate)}/s, burst ${num(stageBounds.burst)}), which is as tight or tighter`;
      out.push(
        warn(
          'plan-never-binds',
          ['usagePlans', planIndex, 'apiStages', index, 'throttle', served.key],
          message,
          README.buckets,
        ),
      );
    }
  }
  if (planWide !== null && !unbounded && governed.length > 0) {
    const sum = governed.reduce((a, b) => ({ rate: a.rate + b.rate, burst: a.burst + b.burst }), { rate: 0, burst: 0 });
    if (covers(planWide, sum)) {
      const what =
        governed.length === 1
          ? `the stage limit of the one key-required method it covers (${num(sum.rate)}/s, burst ${num(sum.burst)}) is`
          : `the stage limits of the ${governed.length} key-required methods it covers add up to ${num(sum.rate)}/s, burst ${num(sum.burst)}, which is`;
      const message = `never binds: ${what} as tight or tighter, so a key never reaches the plan's limit`;
      out.push(warn('plan-never-binds', ['usagePlans', planIndex, 'throttle'], message, README.buckets));
    }
  }
  return out;
}

/**
 * Usage-plan throttles that can never be the limit: at or above the stage limits of every method they
 * cover (the account side is `above-account`). A key's requests pass the stage buckets too, so with
 * stage limits at most the plan's the plan's bucket never empties first.
 */
export function lintPlans(config: GatewayConfig): LintWarning[] {
  return config.usagePlans.flatMap((plan, index) => lintPlan(config, plan, index));
}
