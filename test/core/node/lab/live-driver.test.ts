import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent, RunTick, StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import { createLiveDriver, type LiveDriverOptions } from '../../../../core/node/lab/live-driver.ts';
import type { LiveRunReport } from '../../../../core/node/live/live-report.ts';
import type { MetricsBody } from '../../../../core/node/server/metrics-shape.ts';
import { config, scenario, shopConfig } from '../../engine/sim/sim-helpers.ts';
import { expectConsistent, fetchMetrics, liveConfig, liveScenario } from '../live/live-fixtures.ts';
import { EXAMPLES_DIR, isEnd, recordEvents, tempDir } from './helpers.ts';

let host: LabHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function liveHost(options: LiveDriverOptions = {}) {
  const dataDir = tempDir();
  host = createLabHost({
    examplesDir: EXAMPLES_DIR,
    dataDir,
    drivers: { live: createLiveDriver({ drainMs: 5000, ...options }) },
  });
  return { api: host, log: recordEvents(host), dataDir };
}

const ticksOf = (events: LabEvent[]): RunTick[] => events.flatMap((e) => (e.type === 'run-tick' ? [e.tick] : []));
const isTick = (match: (tick: RunTick) => boolean) => (e: LabEvent) => e.type === 'run-tick' && match(e.tick);

describe('lab host: a live run', () => {
  it('runs over loopback HTTP, ticks in batches, and ends with the totals the gateway counted', async () => {
    let metrics: MetricsBody | null = null;
    const { api, log } = liveHost({ beforeClose: async (url) => void (metrics = await fetchMetrics(url)) });
    const live = liveScenario({ phases: [{ durationSeconds: 2, rate: 100 }] });
    const started = performance.now();
    const { runId } = await api.startRun({ config: liveConfig(), scenario: live, mode: 'live' });
    const end = await log.next(isEnd(runId));
    const elapsedMs = performance.now() - started;

    expect(end).toMatchObject({ type: 'run-ended', state: 'finished', summary: { mode: 'live', sent: 200 } });
    const ticks = ticksOf(log.events);
    const last = ticks.at(-1)!;
    expect(last.totals.sent).toBe(200);
    expect(last.totals.sent).toBe(metrics!.stages[0]!.metrics.Count);
    // About 8 a second for as long as the run took (worker start and drain included): never one per request.
    expect(ticks.length).toBeGreaterThanOrEqual(8);
    expect(ticks.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 125) + 2);
    expect(ticks.every((t) => t.runId === runId && t.plannedMs === 2000)).toBe(true);
    expect(last.buckets.map((b) => b.label)).toContain('Plan basic · key alice');
    expect(Object.keys(last.byClient)).toContain('alice');
    expect(last.byRoute.length).toBeGreaterThan(0);

    const report = (await api.getReport(runId)) as LiveRunReport;
    expectConsistent(report, metrics!);
    expect(report.live).toMatchObject({ loadModel: 'open', target: null, stopped: false, unanswered: 0 });
    const closed = ticks.flatMap((t) => t.closed);
    expect(closed.map((p) => p.t)).toEqual(report.series.map((p) => p.t));
    expect(closed.reduce((sum, p) => sum + p.sent, 0)).toBe(report.totals.sent);
    expect((await api.listRuns()).find((r) => r.runId === runId)).toMatchObject({ mode: 'live', state: 'finished' });
  });

  it('hot-applies a raised stage limit to the running gateway: throttling stops from then on', async () => {
    const { api, log } = liveHost();
    const overload = scenario({
      formatVersion: 1,
      name: 'Live overload',
      target: { apiId: 'shop', stage: 'prod' },
      phases: [{ durationSeconds: 6, rate: 100 }],
      mix: [{ method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 9 } } } }],
    });
    const tight = config(shopConfig({ rate: 20, burst: 5 }));
    const raised = config(shopConfig({ rate: 1000, burst: 1000 }));
    const request: StartRunRequest = { config: tight, scenario: overload, mode: 'live' };
    const { runId } = await api.startRun(request);
    await log.next(isTick((t) => t.simulatedMs >= 1000 && t.totals.throttled > 0));
    const change = await api.applyConfig(runId, raised);
    expect(change.description).toBe('stage prod "*/*": rate 20 → 1000, burst 5 → 1000');
    expect(change.atMs).toBeGreaterThanOrEqual(1000);
    expect(change.atMs).toBeLessThan(6000);
    await log.next(isEnd(runId));

    const report = (await api.getReport(runId))!;
    const changeSecond = Math.floor(change.atMs / 1000);
    const first = report.series[0]!;
    expect(first.throttled).toBeGreaterThan(50);
    const after = report.series.filter((p) => p.t > changeSecond && p.sent > 0);
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) expect(p.throttled).toBe(0);
    const opened = await api.openRun(runId);
    expect(opened.changes).toEqual([change]);
  });

  it('counts requests under the routes a hot-applied config adds', async () => {
    const { api, log } = liveHost();
    const toys = scenario({
      formatVersion: 1,
      name: 'Live toys',
      target: { apiId: 'shop', stage: 'prod' },
      phases: [{ durationSeconds: 4, rate: 50 }],
      mix: [{ method: 'GET', path: '/toys' }],
    });
    const withToys = shopConfig();
    withToys.apis[0]!.routes.push({
      method: 'GET',
      path: '/toys',
      integration: { type: 'MOCK', body: 'toys', latencyMs: 1 },
    });
    const { runId } = await api.startRun({ config: config(shopConfig()), scenario: toys, mode: 'live' });
    await log.next(isTick((t) => t.totals.sent > 0 && t.simulatedMs >= 1000));
    const change = await api.applyConfig(runId, config(withToys));
    await log.next(isEnd(runId));

    const report = (await api.getReport(runId))!;
    const routes = new Map(report.byRoute.map((r) => [r.routeKey, r]));
    // Before the change /toys has no route (403 Missing Authentication Token); after it, its own row.
    expect(routes.get(null)?.notFound).toBeGreaterThan(0);
    expect(routes.get('GET /toys')?.ok).toBeGreaterThan(0);
    expect([...routes.keys()].sort()).toEqual(['GET /toys', null]);
    expect(routes.get('GET /toys')!.sent + routes.get(null)!.sent).toBe(report.totals.sent);
    expect(change.atMs).toBeLessThan(4000);
  });

  it('stops cleanly, refuses a playback speed, and saves what ran', async () => {
    const { api, log, dataDir } = liveHost();
    const long = liveScenario({ phases: [{ durationSeconds: 30, rate: 50 }] });
    const { runId } = await api.startRun({ config: liveConfig(), scenario: long, mode: 'live' });
    await log.next(isTick((t) => t.totals.sent > 0));
    await expect(api.setPlaybackSpeed(runId, 10)).rejects.toMatchObject({
      code: 'GATELAB_E_UNSUPPORTED',
      message: expect.stringContaining('wall-clock time'),
    });
    await api.stopRun(runId);
    const end = await log.next(isEnd(runId));
    expect(end).toMatchObject({ state: 'stopped' });
    const report = (await api.getReport(runId)) as LiveRunReport;
    expect(report.live.stopped).toBe(true);
    expect(report.totals.sent).toBeGreaterThan(0);
    expect(report.totals.sent).toBeLessThan(1500);
    expect(existsSync(join(dataDir, 'runs', `${runId}.json`))).toBe(true);
  });

  it('ends at once when stopped before the load has started', async () => {
    const { api, log } = liveHost();
    const long = liveScenario({ phases: [{ durationSeconds: 30, rate: 50 }] });
    const { runId } = await api.startRun({ config: liveConfig(), scenario: long, mode: 'live' });
    await api.stopRun(runId);
    expect(await log.next(isEnd(runId))).toMatchObject({ state: 'stopped' });
    const report = (await api.getReport(runId)) as LiveRunReport;
    expect(report.live.stopped).toBe(true);
    expect(report.totals.sent).toBe(0);
  });

  it('closing the lab stops a live run and waits until it is saved', async () => {
    const { api, log, dataDir } = liveHost();
    const long = liveScenario({ phases: [{ durationSeconds: 30, rate: 50 }] });
    const { runId } = await api.startRun({ config: liveConfig(), scenario: long, mode: 'live' });
    await log.next(isTick((t) => t.totals.sent > 0));
    await api.close();
    host = null;
    expect(log.events.find(isEnd(runId))).toMatchObject({ state: 'stopped' });
    expect(existsSync(join(dataDir, 'runs', `${runId}.json`))).toBe(true);
  });
});
