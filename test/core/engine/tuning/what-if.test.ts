import { describe, expect, it } from 'vitest';
import { diffTotals } from '../../../../core/engine/tuning/compare.ts';
import { shopConfig, simulate } from '../sim/sim-helpers.ts';

const poissonMix = {
  formatVersion: 1,
  name: 'what-if',
  target: { apiId: 'shop', stage: 'prod' },
  seed: 21,
  arrivals: 'poisson',
  phases: [
    { durationSeconds: 10, rate: 30 },
    { durationSeconds: 5, rate: 120 },
  ],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { zipf: { n: 100, s: 1.1 } } } }],
  clients: [
    { name: 'a', share: 3 },
    { name: 'b', share: 1 },
  ],
};

describe('what-if compare', () => {
  it('sends identical arrivals to both configs, so only the config explains the difference', () => {
    const a = simulate(shopConfig({ rate: 20, burst: 10 }), poissonMix);
    const b = simulate(shopConfig({ rate: 80, burst: 40 }), poissonMix);
    const arrivals = (lines: typeof a.lines) =>
      lines.filter((l) => l.attempt === 1).map((l) => `${l.t} ${l.client} ${l.method} ${l.path}`);
    expect(arrivals(a.lines)).toEqual(arrivals(b.lines));
    expect(a.report.totals.sent).toBe(b.report.totals.sent);
    expect(a.report.totals.throttled).toBeGreaterThan(b.report.totals.throttled);

    const rows = diffTotals(a.report.totals, b.report.totals);
    const throttled = rows.find((r) => r.name === 'throttled')!;
    expect(throttled.a).toBeCloseTo((a.report.totals.throttled / a.report.totals.sent) * 100, 10);
    expect(throttled.delta).toBeCloseTo(throttled.b - throttled.a, 10);
    expect(rows.map((r) => r.name)).toEqual([
      'sent',
      'ok',
      'throttled',
      'throttled by usage plan',
      'throttled by stage',
      'throttled by account',
      'quota exceeded',
      'cache hit ratio',
      'integration calls',
      'retries',
      'latency p50',
      'latency p99',
    ]);
  });
});
