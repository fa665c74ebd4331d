import { describe, expect, it } from 'vitest';
import { restConfig } from './helpers.ts';
import { fired, planned } from './lint-helpers.ts';

const stage = (methodSettings: Record<string, unknown>) => restConfig({ stages: [{ name: 'prod', methodSettings }] });
const STAR = 'apis[0].stages[0].methodSettings["*/*"]';

describe('lint: burst 0', () => {
  it('fires where a burst of 0 is written, at the stage or the account', () => {
    expect(fired('burst-zero', stage({ '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 0 } }))).toEqual([
      `${STAR}.throttlingBurstLimit: burst 0 blocks every request: the bucket can never hold the one token a request needs, whatever the rate — see README#token-buckets`,
    ]);
    const account = { account: { throttlingRateLimit: 100, throttlingBurstLimit: 0 } };
    expect(fired('burst-zero', restConfig({}, account))).toEqual([
      expect.stringMatching(/^account\.throttlingBurstLimit: burst 0 blocks/),
    ]);
  });

  it("doesn't fire for a burst of 1, nor when the rate is -1 (no limit at that layer)", () => {
    expect(fired('burst-zero', stage({ '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 1 } }))).toEqual([]);
    expect(fired('burst-zero', stage({ '*/*': { throttlingRateLimit: -1, throttlingBurstLimit: 0 } }))).toEqual([]);
  });
});

describe('lint: rate 0 with a burst', () => {
  it('fires: one burst, then nothing', () => {
    expect(
      fired(
        'rate-zero',
        restConfig({ stages: [{ name: 'prod' }] }, planned({ throttle: { rateLimit: 0, burstLimit: 10 } })),
      ),
    ).toEqual([
      'usagePlans[0].throttle.rateLimit: rate 0 with burst 10 admits 10 requests and then nothing: the bucket never refills — see README#token-buckets',
    ]);
  });

  it("doesn't fire for rate 0 with burst 0 (that blocks everything) or burst -1", () => {
    expect(fired('rate-zero', stage({ '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: 0 } }))).toEqual([]);
    expect(fired('rate-zero', stage({ '*/*': { throttlingRateLimit: 0, throttlingBurstLimit: -1 } }))).toEqual([]);
  });
});

describe('lint: only one of rate and burst', () => {
  it("fires: the other limit is the account's", () => {
    expect(fired('half-set-limits', stage({ 'GET /pets': { throttlingRateLimit: 10 } }))).toEqual([
      'apis[0].stages[0].methodSettings["GET /pets"]: only throttlingRateLimit is set, so the burst is the account\'s (5,000) and this layer admits bursts that large; set both — see README#token-buckets',
    ]);
    expect(
      fired('half-set-limits', restConfig({ stages: [{ name: 'prod' }] }, planned({ throttle: { burstLimit: 5 } }))),
    ).toEqual([
      "usagePlans[0].throttle: only burstLimit is set, so the rate is the account's (10,000/s) and this layer barely limits the rate; set both — see README#token-buckets",
    ]);
  });

  it('doesn\'t fire when a method\'s missing field comes from "*/*"', () => {
    const settings = {
      '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 20 },
      'GET /pets': { throttlingRateLimit: 5 },
    };
    expect(fired('half-set-limits', stage(settings))).toEqual([]);
  });
});

describe('lint: limits above the account', () => {
  it("fires for each field above the account's", () => {
    expect(
      fired('above-account', stage({ '*/*': { throttlingRateLimit: 20_000, throttlingBurstLimit: 9000 } })),
    ).toEqual([
      `${STAR}.throttlingRateLimit: 20,000/s is above the account's 10,000/s: the account bucket, shared by every API and stage, empties first, so this rate is never reached — see README#token-buckets`,
      `${STAR}.throttlingBurstLimit: burst 9,000 is above the account's 5,000: the account bucket, shared by every API and stage, empties first, so this burst is never reached — see README#token-buckets`,
    ]);
    const plan = restConfig(
      { stages: [{ name: 'prod' }] },
      planned({ throttle: { rateLimit: 50_000, burstLimit: 10 } }),
    );
    expect(fired('above-account', plan)).toEqual([
      expect.stringMatching(/^usagePlans\[0\]\.throttle\.rateLimit: 50,000\/s is above/),
    ]);
  });

  it("doesn't fire at the account's limits or when the account has none", () => {
    expect(
      fired('above-account', stage({ '*/*': { throttlingRateLimit: 10_000, throttlingBurstLimit: 5000 } })),
    ).toEqual([]);
    const unlimited = { account: { throttlingRateLimit: -1, throttlingBurstLimit: -1 } };
    expect(
      fired(
        'above-account',
        restConfig({ stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 1e6 } } }] }, unlimited),
      ),
    ).toEqual([]);
  });
});
