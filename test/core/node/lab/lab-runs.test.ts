import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent, RunTick, StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { buildReport } from '../../../../core/engine/run/build-report.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';
import { VirtualRun } from '../../../../core/engine/sim/virtual-run.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import type { RunDriverFactory } from '../../../../core/node/lab/run-driver.ts';
import { createVirtualDriver } from '../../../../core/node/lab/virtual-driver.ts';
import { EXAMPLES_DIR, ManualScheduler, example, isEnd, recordEvents, tempDir } from './helpers.ts';

const config = parseConfig(example('petstore.gatelab.json'));
const flashSale = parseScenario(example('flash-sale.scenario.json'));
if (!config.ok || !flashSale.ok) throw new Error('examples must be valid');

const request = (overrides: Partial<StartRunRequest> = {}): StartRunRequest => ({
  config: config.value,
  scenario: flashSale.value,
  mode: 'virtual',
  ...overrides,
});

/** What `gatelab run` computes for the same inputs. */
function reference(cfg: GatewayConfig, scenario: Scenario) {
  const run = new VirtualRun({ config: cfg, scenario });
  run.runToEnd();
  return buildReport({
    mode: 'virtual',
    seed: run.seed,
    config: cfg,
    scenario,
    startedAt: new Date(Date.parse(scenario.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
  });
}

const ticks = (events: LabEvent[]): RunTick[] => events.flatMap((e) => (e.type === 'run-tick' ? [e.tick] : []));

/** Ticks as a transport sees them: copied when sent, so later changes to the run's own objects don't show. */
function wireTicks(api: LabHost): RunTick[] {
  const out: RunTick[] = [];
  api.onEvent((e) => {
    if (e.type === 'run-tick') out.push(JSON.parse(JSON.stringify(e.tick)) as RunTick);
  });
  return out;
}

let host: LabHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

describe('lab host: a virtual run at speed max', () => {
  it('ends with the totals `gatelab run` reports, in batched ticks', async () => {
    host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const log = recordEvents(host);
    const wire = wireTicks(host);
    const { runId } = await host.startRun(request({ speed: 'max' }));
    const end = await log.next(isEnd(runId));
    const expected = reference(config.value, flashSale.value);

    expect(end).toMatchObject({ type: 'run-ended', state: 'finished' });
    const all = ticks(log.events);
    const last = all.at(-1)!;
    expect(last.totals).toEqual(expected.totals);
    expect(last.byClient).toEqual(expected.byClient);
    expect(last.byRoute).toEqual(expected.byRoute);
    expect(last.simulatedMs).toBe(last.plannedMs);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThan(expected.totals.sent / 100);
    const closed = wire.flatMap((t) => t.closed);
    expect(closed.map((p) => p.t)).toEqual(expected.series.map((p) => p.t));
    expect(closed).toEqual(expected.series);
    expect(last.buckets.map((b) => b.label)).toContain('Stage prod · GET /pets/{id}');

    const report = await host.getReport(runId);
    expect(report?.totals).toEqual(expected.totals);
    expect(report?.series).toEqual(expected.series);
    if (end.type !== 'run-ended') throw new Error('unreachable');
    expect(end.summary).toMatchObject({ runId, state: 'finished', sent: expected.totals.sent, ok: expected.totals.ok });
  });

  it('refuses a mode it has no driver for, and invalid inputs with every problem named', async () => {
    host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), drivers: { virtual: createVirtualDriver } });
    await expect(host.startRun(request({ mode: 'live' }))).rejects.toMatchObject({
      code: 'GATELAB_E_UNSUPPORTED',
      message: expect.stringMatching(/live runs are not available/),
    });
    const bad = { ...flashSale.value, target: { apiId: 'petstore', stage: 'nope' } };
    await expect(host.startRun(request({ scenario: bad }))).rejects.toMatchObject({
      code: 'GATELAB_E_BAD_INPUT',
      message: expect.stringMatching(/scenario target\.stage: no stage "nope"/),
    });
  });
});

describe('lab host: closing', () => {
  /** A driver that ends only when the test says so, after it has been stopped; `start` may throw. */
  const heldDriver = (options: { startThrows?: boolean } = {}) => {
    const ends: Array<() => void> = [];
    const factory: RunDriverFactory = (input) => ({
      seed: 1,
      start() {
        if (options.startThrows) throw new Error('cannot start');
      },
      stop: () => void ends.push(() => input.onEnd({ state: 'stopped', report: null })),
      setSpeed() {},
      report: () => reference(config.value, flashSale.value),
    });
    return { factory, ends };
  };

  it('refuses new runs once closing, and waits until the runs it stopped have ended', async () => {
    const held = heldDriver();
    const lab = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), drivers: { virtual: held.factory } });
    await lab.startRun(request());
    let closed = false;
    const closing = lab.close().then(() => (closed = true));
    await expect(lab.startRun(request())).rejects.toMatchObject({
      code: 'GATELAB_E_STATE',
      message: 'the lab is closing; no new runs start',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    expect(held.ends).toHaveLength(1);
    held.ends[0]!();
    await closing;
    expect(closed).toBe(true);
  });

  it('forgets a run whose driver fails to start, so that closing does not wait for it', async () => {
    const held = heldDriver({ startThrows: true });
    const lab = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), drivers: { virtual: held.factory } });
    await expect(lab.startRun(request())).rejects.toThrow();
    expect(await lab.listRuns()).toEqual([]);
    await lab.close();
  });
});

describe('lab host: pacing, speed and stop (manual clock, no sleeping)', () => {
  it('advances speed × wall time per turn, changes pace mid-run, and stops with the report kept', async () => {
    const scheduler = new ManualScheduler();
    host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), scheduler });
    const log = recordEvents(host);
    const { runId } = await host.startRun(request({ speed: 1 }));
    for (let i = 0; i < 8; i++) scheduler.step();
    expect(scheduler.time).toBe(1000);
    expect(ticks(log.events).map((t) => t.simulatedMs)).toEqual([125, 250, 375, 500, 625, 750, 875, 1000]);
    const closedSeconds = () => ticks(log.events).flatMap((t) => t.closed.map((p) => p.t));
    expect(closedSeconds()).toEqual([]);

    await host.setPlaybackSpeed(runId, 10);
    scheduler.step();
    expect(ticks(log.events).at(-1)?.simulatedMs).toBe(1000 + 1250);
    expect(closedSeconds()).toEqual([0]);
    await host.setPlaybackSpeed(runId, 0.1);
    scheduler.step();
    expect(ticks(log.events).at(-1)?.simulatedMs).toBe(2250 + 12.5);

    await host.stopRun(runId);
    const end = await log.next(isEnd(runId));
    expect(end).toMatchObject({ state: 'stopped', summary: { state: 'stopped', durationSeconds: 2.2625 } });
    expect(scheduler.pending).toBe(0);
    const runs = await host.listRuns();
    expect(runs[0]).toMatchObject({ runId, state: 'stopped' });
    expect((await host.getReport(runId))?.durationSeconds).toBe(2.2625);
  });

  it('at speed max finishes in a few turns where speed 1 needs one per 125 ms', async () => {
    const scheduler = new ManualScheduler();
    host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir(), scheduler });
    const log = recordEvents(host);
    const { runId } = await host.startRun(request({ speed: 'max' }));
    let turns = 0;
    while (scheduler.step()) turns++;
    await log.next(isEnd(runId));
    expect(turns).toBeLessThan(5);
    expect(scheduler.time).toBe(0);
  });
});
