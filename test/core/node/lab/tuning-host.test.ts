import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunTick, StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import type { RunDriverFactory } from '../../../../core/node/lab/run-driver.ts';
import { config, scenario, shopConfig } from '../../engine/sim/sim-helpers.ts';
import { EXAMPLES_DIR, ManualScheduler, isEnd, recordEvents, tempDir } from './helpers.ts';

/** 100 rps for 20 s against a stage that admits 20 rps: 80 throttled a second until the limit is raised. */
const overload = scenario({
  formatVersion: 1,
  name: 'Overload',
  target: { apiId: 'shop', stage: 'prod' },
  phases: [{ durationSeconds: 20, rate: 100 }],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 9 } } } }],
});
const tight = config(shopConfig({ rate: 20, burst: 20 }));
const raised = config(shopConfig({ rate: 200, burst: 200 }));
const request: StartRunRequest = { config: tight, scenario: overload, mode: 'virtual', speed: 1 };

let host: LabHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** Fires paced turns until the run has simulated `ms`. */
function playUntil(scheduler: ManualScheduler, ticks: RunTick[], ms: number): void {
  for (let i = 0; i < 10_000 && (ticks.at(-1)?.simulatedMs ?? 0) < ms; i++) {
    if (!scheduler.step()) break;
  }
}

function pacedHost() {
  const scheduler = new ManualScheduler();
  const dataDir = tempDir();
  host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir, scheduler });
  const ticks: RunTick[] = [];
  host.onEvent((e) => {
    if (e.type === 'run-tick') ticks.push(e.tick);
  });
  return { scheduler, dataDir, ticks, api: host };
}

describe('lab host: hot-apply during a virtual run', () => {
  it('prices the end of the run with the config in force then, as its last tick was', async () => {
    const { scheduler, ticks, api } = pacedHost();
    const log = recordEvents(api);
    const { runId } = await api.startRun(request);
    playUntil(scheduler, ticks, 5000);
    const bigCache = shopConfig({ rate: 200, burst: 200 });
    Object.assign(bigCache.apis[0]!.stages[0]!, { cacheClusterEnabled: true, cacheClusterSize: '237' });
    await api.applyConfig(runId, config(bigCache));
    while (scheduler.step());
    const end = await log.next(isEnd(runId));
    // 237 GB at $3.80 an hour for 730 hours.
    const cacheCost = end.type === 'run-ended' ? end.cost?.cacheCost : undefined;
    expect(cacheCost).toBeCloseTo(3.8 * 730, 6);
    expect(ticks.at(-1)!.cost!.cacheCost).toBe(cacheCost);
    expect((await api.getReport(runId))!.cost!.cacheCost).toBe(cacheCost);
  });

  it('raises a limit mid-run: throttling stops from then on, and the change is kept as an annotation', async () => {
    const { scheduler, dataDir, ticks, api } = pacedHost();
    const log = recordEvents(api);
    const { runId } = await api.startRun(request);
    playUntil(scheduler, ticks, 8000);
    const change = await api.applyConfig(runId, raised);
    expect(change.atMs).toBeGreaterThanOrEqual(8000);
    expect(change.atMs).toBeLessThan(9000);
    expect(change.description).toBe('stage prod "*/*": rate 20 → 200, burst 20 → 200');
    while (scheduler.step());
    await log.next(isEnd(runId));

    const report = (await api.getReport(runId))!;
    const changeSecond = Math.floor(change.atMs / 1000);
    const before = report.series.filter((p) => p.t >= 2 && p.t < changeSecond);
    const after = report.series.filter((p) => p.t > changeSecond);
    expect(before.length).toBeGreaterThan(4);
    for (const p of before) expect(p.throttled).toBe(80);
    for (const p of after) expect(p.throttled).toBe(0);
    expect(report.totals.sent).toBe(2000);

    const saved = JSON.parse(readFileSync(join(dataDir, 'runs', `${runId}.json`), 'utf8')) as {
      lab: { changes: Array<{ atMs: number; description: string; config: { apis: unknown } }> };
    };
    expect(saved.lab.changes).toHaveLength(1);
    expect(saved.lab.changes[0]).toMatchObject({ atMs: change.atMs, description: change.description });
    expect(saved.lab.changes[0]!.config.apis).toEqual(raised.apis);
    const opened = await api.openRun(runId);
    expect(opened.changes).toEqual([change]);
    expect(opened.report.series).toHaveLength(20);
    expect(opened.buckets.map((b) => b.label)).toContain('Stage prod · GET /items/{id}');
  });

  it('clamps a bucket to a lower burst at once, and keeps its level otherwise', async () => {
    const { scheduler, ticks, api } = pacedHost();
    const calm = scenario({ ...overload, phases: [{ durationSeconds: 20, rate: 1 }] });
    const { runId } = await api.startRun({ ...request, scenario: calm, config: raised });
    playUntil(scheduler, ticks, 3000);
    const stageLevel = () => ticks.at(-1)!.buckets.find((b) => b.id.startsWith('stage:'))!;
    expect(stageLevel().level).toBeGreaterThan(190);
    await api.applyConfig(runId, config(shopConfig({ rate: 200, burst: 5 })));
    const seen = ticks.length;
    playUntil(scheduler, ticks, 4000);
    expect(ticks.length).toBeGreaterThan(seen);
    expect(stageLevel()).toMatchObject({ burst: 5 });
    expect(stageLevel().level).toBeLessThanOrEqual(5);
    await api.stopRun(runId);
  });

  it('refuses an invalid config, a config the scenario cannot target, and a run that has ended', async () => {
    const { scheduler, ticks, api } = pacedHost();
    const log = recordEvents(api);
    const { runId } = await api.startRun(request);
    playUntil(scheduler, ticks, 2000);
    const bad = { ...shopConfig(), account: { throttlingRateLimit: 'fast' } };
    await expect(api.applyConfig(runId, bad)).rejects.toMatchObject({
      code: 'GATELAB_E_BAD_INPUT',
      message: expect.stringContaining('account.throttlingRateLimit'),
    });
    const elsewhere = shopConfig();
    elsewhere.apis[0]!.stages[0]!.name = 'dev';
    await expect(api.applyConfig(runId, elsewhere)).rejects.toMatchObject({
      message: expect.stringContaining('no stage "prod"'),
    });
    await api.stopRun(runId);
    await log.next(isEnd(runId));
    await expect(api.applyConfig(runId, raised)).rejects.toMatchObject({ code: 'GATELAB_E_STATE' });
    await expect(api.applyConfig('no-such-run', raised)).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
  });

  it('says clearly that a live run cannot take changes yet', async () => {
    const liveDriver: RunDriverFactory = (input) => ({
      seed: 1,
      start: () => undefined,
      stop: () => input.onEnd({ state: 'stopped', report: null }),
      setSpeed: () => undefined,
      report: () => {
        throw new Error('not needed');
      },
    });
    host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), drivers: { live: liveDriver } });
    const { runId } = await host.startRun({ ...request, mode: 'live' });
    await expect(host.applyConfig(runId, raised)).rejects.toMatchObject({
      code: 'GATELAB_E_UNSUPPORTED',
      message: expect.stringContaining('during a live run'),
    });
    await host.stopRun(runId);
  });
});
