import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent, StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import { config, scenario, shopConfig } from '../../engine/sim/sim-helpers.ts';
import { EXAMPLES_DIR, isEnd, recordEvents, tempDir } from './helpers.ts';

/** Poisson arrivals, so identical arrival counts per second mean the arrival stream itself was the same. */
const bursty = scenario({
  formatVersion: 1,
  name: 'Bursty',
  target: { apiId: 'shop', stage: 'prod' },
  seed: 9,
  arrivals: 'poisson',
  phases: [
    { durationSeconds: 10, rate: 40 },
    { durationSeconds: 5, rate: 150 },
  ],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { zipf: { n: 50, s: 1.1 } } } }],
});
const uniform = (rate: number, seconds: number) =>
  scenario({
    formatVersion: 1,
    name: 'Uniform',
    target: { apiId: 'shop', stage: 'prod' },
    phases: [{ durationSeconds: seconds, rate }],
    mix: [{ method: 'GET', path: '/items/1' }],
  });
const tight = config(shopConfig({ rate: 30, burst: 30 }));
const loose = config(shopConfig({ rate: 300, burst: 300 }));

let host: LabHost;
const events: LabEvent[] = [];
beforeAll(() => {
  host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
  host.onEvent((e) => events.push(e));
});
afterAll(() => host.close());

describe('lab host: what-if (in a worker thread)', () => {
  it('runs one scenario and seed against two configs: identical arrivals, different outcomes, and a diff', async () => {
    const result = await host.whatIf(tight, loose, bursty, 1234);
    const { a, b } = result;
    expect(a.report.seed).toBe(1234);
    expect(b.report.seed).toBe(1234);
    expect(a.label).toBe('Untitled');
    const offered = (r: typeof a.report) => r.series.map((p) => p.offered);
    expect(offered(a.report)).toEqual(offered(b.report));
    expect(offered(a.report).reduce((s, n) => s + n, 0)).toBe(a.report.totals.sent);
    expect(new Set(offered(a.report)).size).toBeGreaterThan(3);
    expect(a.report.totals.throttled).toBeGreaterThan(0);
    expect(b.report.totals.throttled).toBe(0);
    const row = (name: string) => result.diff.find((r) => r.name === name)!;
    expect(row('sent')).toMatchObject({ a: a.report.totals.sent, b: b.report.totals.sent, delta: 0 });
    expect(row('throttled by stage').a).toBeCloseTo((100 * a.report.totals.throttled) / a.report.totals.sent);
    expect(row('throttled by stage')).toMatchObject({ b: 0 });
    expect(result.diff.map((r) => r.name)).toEqual(
      expect.arrayContaining(['latency p99', 'cache hit ratio', 'integration calls', 'throttled by account']),
    );
  });

  it('gives the same answer every time for the same inputs, and uses the scenario seed when given null', async () => {
    const first = await host.whatIf(tight, loose, bursty, null);
    const second = await host.whatIf(tight, loose, bursty, null);
    expect(first.a.report.seed).toBe(9);
    expect(second).toEqual(first);
  });

  it('names the side an invalid config is on', async () => {
    await expect(host.whatIf(tight, { formatVersion: 2, apis: [] }, bursty, null)).rejects.toMatchObject({
      code: 'GATELAB_E_BAD_INPUT',
      message: expect.stringMatching(/^config B: config formatVersion/),
    });
  });
});

describe('lab host: comparing two saved runs', () => {
  it('overlays two runs of the history with the diff of their totals', async () => {
    const log = recordEvents(host);
    const start = async (cfg: typeof tight, name: string) => {
      const request: StartRunRequest = { config: cfg, scenario: bursty, mode: 'virtual', name };
      const { runId } = await host.startRun(request);
      await log.next(isEnd(runId));
      return runId;
    };
    const a = await start(tight, 'tight');
    const b = await start(loose, 'loose');
    const result = await host.compareRuns(a, b);
    expect([result.a.label, result.b.label]).toEqual(['tight', 'loose']);
    expect(result.a.report.series.map((p) => p.offered)).toEqual(result.b.report.series.map((p) => p.offered));
    expect(result.diff.find((r) => r.name === 'throttled')!.delta).toBeLessThan(0);
    await expect(host.compareRuns(a, 'no-such-run')).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
  });
});

describe('lab host: the limit recommender (in a worker thread)', () => {
  it.each([1, 4])('finds rate r for uniform arrivals at r rps, starting from burst %s', async (burst) => {
    const id = `uniform-${burst}`;
    const result = await host.recommend({
      config: config(shopConfig({ rate: 1000, burst })),
      scenario: uniform(50, 300),
      layer: { kind: 'stage', apiId: 'shop', stage: 'prod' },
      goal: 'throttled==0',
      id,
    });
    expect(result).toMatchObject({ id, goal: 'throttled==0', limits: { rate: 50, burst: 1 }, value: 0 });
    expect(result.before).toEqual({ rate: 1000, burst });
    expect(result.config?.apis[0]?.stages[0]?.methodSettings?.['*/*']).toMatchObject({
      throttlingRateLimit: 50,
      throttlingBurstLimit: 1,
    });
    const rates = result.curve.map((p) => p.rate);
    expect(rates).toEqual([...rates].sort((x, y) => x - y));
    expect(result.curve.find((p) => p.rate === 50)).toMatchObject({ value: 0, met: true });
    expect(result.curve.filter((p) => p.rate < 50).every((p) => !p.met)).toBe(true);
    const progress = events.flatMap((e) => (e.type === 'recommend-progress' && e.id === id ? [e] : []));
    expect(progress).toHaveLength(result.evaluations);
    expect(progress.map((e) => e.evaluations)).toEqual(progress.map((_, i) => i + 1));
  });

  it('rejects an unknown goal name or a layer the config lacks before starting any work', async () => {
    const base = { config: tight, scenario: bursty, layer: { kind: 'account' } as const, goal: 'throttledRatio<=0.01' };
    await expect(host.recommend({ ...base, goal: 'speed>3' })).rejects.toMatchObject({
      code: 'GATELAB_E_BAD_INPUT',
      message: expect.stringContaining('unknown name "speed"'),
    });
    await expect(host.recommend({ ...base, layer: { kind: 'usagePlan', planId: 'gold' } })).rejects.toMatchObject({
      message: 'layer: no usage plan "gold"',
    });
  });

  it('keeps answering other calls while a recommendation runs', async () => {
    const pending = host.recommend({
      config: tight,
      scenario: uniform(400, 120),
      layer: { kind: 'stage', apiId: 'shop', stage: 'prod' },
      goal: 'throttledRatio<=0.01',
    });
    const started = performance.now();
    await host.listExamples();
    expect(performance.now() - started).toBeLessThan(500);
    expect((await pending).limits?.rate).toBeGreaterThan(300);
  }, 30_000);
});
