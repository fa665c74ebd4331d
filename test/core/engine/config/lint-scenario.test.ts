import { describe, expect, it } from 'vitest';
import { specExample, restConfig } from './helpers.ts';
import { fired, planned, scenarioAt } from './lint-helpers.ts';
import { example } from '../report/flash-sale.ts';

const ROUTES = [
  { method: 'GET', path: '/pets', apiKeyRequired: true },
  { method: 'POST', path: '/pets' },
];
const limited = (rate: number, burst: number, top: Record<string, unknown> = {}) =>
  restConfig(
    {
      routes: ROUTES,
      stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: rate, throttlingBurstLimit: burst } } }],
    },
    top,
  );

describe("lint: a burst below the scenario's expected per-second peak", () => {
  it('fires for the stage bucket a route’s share of the peak goes through', () => {
    const mix = [
      { weight: 3, method: 'GET', path: '/pets' },
      { weight: 1, method: 'POST', path: '/pets' },
    ];
    expect(fired('burst-below-peak', limited(50, 100), scenarioAt(200, { mix }))).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].throttlingBurstLimit: burst 100 is below the scenario\'s expected peak of 150 requests/s through stage:petstore/prod:GET /pets: the peak empties it in about 1 s, then only 50/s get through, so expect 429s — see README#token-buckets',
    ]);
  });

  it('explains that bunched arrivals empty a small burst even when the rate keeps up', () => {
    const trace = { ...scenarioAt(1), phases: undefined, trace: [{ at: 0, count: 300, path: '/prod/pets' }] };
    expect(fired('burst-below-peak', limited(1000, 100), trace)).toEqual([
      expect.stringContaining(
        "burst 100 is below the scenario's expected peak of 300 requests/s through stage:petstore/prod:GET /pets: the rate (1,000/s) keeps up on average, but requests that arrive bunched (Poisson arrivals, a trace) find at most 100 tokens",
      ),
    ]);
  });

  it("fires for a usage plan and the account with each key's share", () => {
    const top = {
      ...planned({ throttle: { rateLimit: 5, burstLimit: 10 } }),
      account: { throttlingRateLimit: 100, throttlingBurstLimit: 150 },
    };
    const clients = [
      { name: 'alice', apiKey: 'alice-0123456789abcdef', share: 1 },
      { name: 'anon', share: 3 },
    ];
    expect(fired('burst-below-peak', limited(1000, 1000, top), scenarioAt(200, { clients }))).toEqual([
      expect.stringMatching(
        /^usagePlans\[0\]\.throttle\.burstLimit: burst 10 is below the scenario's expected peak of 50 requests\/s through usagePlan:p:alice:/,
      ),
      expect.stringMatching(
        /^account\.throttlingBurstLimit: burst 150 is below the scenario's expected peak of 200 requests\/s through account:/,
      ),
    ]);
  });

  it("doesn't fire when the bursts hold the peak, for a closed loop, or without a scenario", () => {
    expect(fired('burst-below-peak', limited(50, 200), scenarioAt(200))).toEqual([]);
    const closed = { ...scenarioAt(1), phases: undefined, concurrency: { connections: 500, durationSeconds: 5 } };
    expect(fired('burst-below-peak', limited(1, 1), closed)).toEqual([]);
    expect(fired('burst-below-peak', limited(1, 1))).toEqual([]);
  });
});

describe('lint: the examples', () => {
  it('has nothing to say about the SPEC example and the pet-store example on their own', () => {
    expect(fired(null, specExample())).toEqual([]);
    expect(fired(null, example('petstore.gatelab.json'))).toEqual([]);
    expect(fired(null, example('http-api.gatelab.json'))).toEqual([]);
  });

  it('warns the flash sale about the buckets its spike empties, each with a README link', () => {
    const warnings = fired(null, example('petstore.gatelab.json'), example('flash-sale.scenario.json'));
    expect(warnings.map((w) => w.slice(0, w.indexOf(':', w.indexOf(']') + 1)))).toEqual([
      'apis[0].stages[0].methodSettings["GET /pets/{id}"].throttlingBurstLimit',
      'usagePlans[0].throttle.burstLimit',
      'usagePlans[1].throttle.burstLimit',
      'apis[0].stages[0].methodSettings["*/*"].throttlingBurstLimit',
      'usagePlans[1].apiStages[0].throttle["POST /pets"].burstLimit',
    ]);
    for (const warning of warnings) expect(warning).toMatch(/ — see README#token-buckets$/);
  });
});
