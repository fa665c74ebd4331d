import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatewayFrom, mock, restConfig, send } from './helpers.ts';
import {
  modelBucket,
  modelHasToken,
  modelRefill,
  windowViolation,
  type ModelBucket,
} from '../throttle/window-bound.ts';

const RUNS = { numRuns: 250, seed: 4242 };
const KEYS = ['alice-0123456789abcdef', 'dave-0123456789abcdefgh'] as const;
const KEY_IDS = ['alice', 'dave'] as const;
/** GET /pets and POST /pets need a key (POST has a plan per-method entry); GET /open does not. */
const ROUTES = [
  { method: 'GET', path: '/pets', keyed: true },
  { method: 'POST', path: '/pets', keyed: true },
  { method: 'GET', path: '/open', keyed: false },
] as const;

interface Limits {
  rate: number;
  burst: number;
}
const limits = fc.record({
  rate: fc.oneof(
    { weight: 1, arbitrary: fc.constant(-1) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }) },
    { weight: 3, arbitrary: fc.double({ min: 0, max: 40, noNaN: true }) },
  ),
  burst: fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) }),
});
const layers = fc.record({ account: limits, stage: limits, plan: limits, planMethod: limits });
const traffic = fc
  .array(
    fc.record({
      gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2000 })),
      key: fc.integer({ min: 0, max: 1 }),
      route: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 120 },
  )
  .map((steps) => {
    let t = 0;
    return steps.map((step) => ({ ...step, at: (t += step.gap) }));
  });
type Layers = { account: Limits; stage: Limits; plan: Limits; planMethod: Limits };
type Step = { at: number; key: number; route: number };

function configFor(l: Layers) {
  return restConfig({
    routes: ROUTES.map((r) => ({ method: r.method, path: r.path, apiKeyRequired: r.keyed, integration: mock('ok') })),
    account: { throttlingRateLimit: l.account.rate, throttlingBurstLimit: l.account.burst },
    stages: [
      {
        name: 'prod',
        methodSettings: { '*/*': { throttlingRateLimit: l.stage.rate, throttlingBurstLimit: l.stage.burst } },
      },
    ],
    usagePlans: [
      {
        id: 'plan',
        throttle: { rateLimit: l.plan.rate, burstLimit: l.plan.burst },
        apiStages: [
          {
            apiId: 'pets',
            stage: 'prod',
            throttle: { 'POST /pets': { rateLimit: l.planMethod.rate, burstLimit: l.planMethod.burst } },
          },
        ],
      },
    ],
    apiKeys: KEYS.map((value, i) => ({ id: KEY_IDS[i], value, usagePlanIds: ['plan'] })),
  });
}

/** The buckets a request needs, in the order usagePlan → stage → account, by SPEC §9 id. */
function bucketsFor(step: Step, l: Layers): Array<{ layer: string; id: string; limits: Limits }> {
  const route = ROUTES[step.route]!;
  const key = KEY_IDS[step.key]!;
  const out = [];
  if (route.keyed) {
    out.push(
      route.method === 'POST'
        ? { layer: 'usagePlan', id: `usagePlan:plan:${key}:pets/prod:POST /pets`, limits: l.planMethod }
        : { layer: 'usagePlan', id: `usagePlan:plan:${key}`, limits: l.plan },
    );
  }
  out.push({ layer: 'stage', id: `stage:pets/prod:${route.method} ${route.path}`, limits: l.stage });
  out.push({ layer: 'account', id: 'account', limits: l.account });
  return out.filter((b) => b.limits.rate !== -1 && b.limits.burst !== -1);
}

/** The reference: SPEC §3 step 4 and §9 arithmetic, all-or-nothing. Returns the throttling layer or 'ok'. */
function reference(steps: readonly Step[], l: Layers): string[] {
  const buckets = new Map<string, ModelBucket>();
  return steps.map((step) => {
    const needed = bucketsFor(step, l).map((b) => {
      let bucket = buckets.get(b.id);
      if (!bucket) buckets.set(b.id, (bucket = modelBucket(b.limits.rate, b.limits.burst)));
      modelRefill(bucket, step.at);
      return { layer: b.layer, bucket };
    });
    const empty = needed.find((n) => !modelHasToken(n.bucket));
    if (empty) return empty.layer;
    for (const n of needed) n.bucket.level -= 1;
    return 'ok';
  });
}

function run(steps: readonly Step[], l: Layers): string[] {
  const gateway = gatewayFrom(configFor(l));
  return steps.map((step) => {
    const route = ROUTES[step.route]!;
    const result = send(
      gateway,
      {
        method: route.method,
        path: `/prod${route.path}`,
        headers: { 'x-api-key': KEYS[step.key]! },
      },
      step.at,
    );
    return result.outcome.throttledBy ?? 'ok';
  });
}

describe('throttle layers against a reference model (property)', () => {
  it('admits and refuses exactly as the SPEC §9 arithmetic does, naming the same layer', () => {
    fc.assert(
      fc.property(layers, traffic, (l, steps) => {
        expect(run(steps, l)).toEqual(reference(steps, l));
      }),
      RUNS,
    );
  });

  it('keeps every bucket within burst + rate·d in any window, the stage layer under a usage plan included', () => {
    fc.assert(
      fc.property(layers, traffic, (l, steps) => {
        const results = run(steps, l);
        const admittedByBucket = new Map<string, { limits: Limits; times: number[] }>();
        steps.forEach((step, i) => {
          if (results[i] !== 'ok') return;
          for (const b of bucketsFor(step, l)) {
            let entry = admittedByBucket.get(b.id);
            if (!entry) admittedByBucket.set(b.id, (entry = { limits: b.limits, times: [] }));
            entry.times.push(step.at);
          }
        });
        for (const [id, { limits: lim, times }] of admittedByBucket) {
          expect({ id, violation: windowViolation(times, lim.rate, lim.burst) }).toEqual({ id, violation: null });
        }
      }),
      RUNS,
    );
  });

  it('never admits a request while one of its buckets is empty', () => {
    fc.assert(
      fc.property(layers, traffic, (l, steps) => {
        const gateway = gatewayFrom(configFor(l));
        for (const step of steps) {
          const needed = bucketsFor(step, l).map((b) => b.id);
          const before = new Map(gateway.bucketLevels(step.at).map((b) => [b.id, b.level]));
          const route = ROUTES[step.route]!;
          const result = send(
            gateway,
            {
              method: route.method,
              path: `/prod${route.path}`,
              headers: { 'x-api-key': KEYS[step.key]! },
            },
            step.at,
          );
          const anyEmpty = needed.some((id) => (before.get(id) ?? Infinity) < 1 - 1e-9);
          if (anyEmpty) expect(result.outcome.throttledBy).not.toBeNull();
          else expect(result.response.status).toBe(200);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
