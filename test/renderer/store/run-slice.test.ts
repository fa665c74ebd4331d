import { beforeEach, describe, expect, it } from 'vitest';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { SERIES_CAPACITY } from '../../../renderer/store/run-series.ts';
import { fakeLab } from '../support/fake-lab.ts';
import { point, summary, tick, totals } from '../support/fixtures.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;

beforeEach(async () => {
  fake = fakeLab();
  store = createLabStore(fake.lab);
  await store.getState().initialise();
});

async function startRun(runId = 'run-1') {
  fake.lab.startRun.mockResolvedValueOnce({ runId });
  await store.getState().startRun();
}

describe('run slice: lifecycle', () => {
  it('starts the selected scenario against the selected config, in virtual mode at the chosen speed', async () => {
    store.getState().selectScenario('flash-sale.scenario.json');
    await store.getState().setSpeed('max');
    await startRun();
    expect(fake.lab.startRun).toHaveBeenCalledOnce();
    const request = fake.lab.startRun.mock.calls[0]![0];
    expect(request.scenario.name).toBe('Flash sale');
    expect(request.config.name).toBe('Pet store');
    expect(request).toMatchObject({ mode: 'virtual', speed: 'max', name: 'Flash sale' });
    expect(store.getState()).toMatchObject({ runId: 'run-1', runPhase: 'running' });
  });

  it('ends when the lab says so, keeps the summary and refreshes the history', async () => {
    await startRun();
    fake.lab.listRuns.mockResolvedValueOnce([summary('run-1')]);
    fake.emit({ type: 'run-ended', runId: 'run-1', state: 'finished', summary: summary('run-1') });
    expect(store.getState().runPhase).toBe('finished');
    expect(store.getState().lastSummary?.runId).toBe('run-1');
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.lab.listRuns).toHaveBeenCalledTimes(2);
    expect(store.getState().runs.map((r) => r.runId)).toEqual(['run-1']);
  });

  it('stops the current run through the lab', async () => {
    await startRun();
    await store.getState().stopRun();
    expect(fake.lab.stopRun).toHaveBeenCalledWith('run-1');
    expect(store.getState().runPhase).toBe('stopping');
    fake.emit({ type: 'run-ended', runId: 'run-1', state: 'stopped', summary: summary('run-1', { state: 'stopped' }) });
    expect(store.getState().runPhase).toBe('stopped');
  });

  it('shows why a run could not start, with the lab error code', async () => {
    store.getState().setMode('live');
    fake.lab.startRun.mockRejectedValueOnce(
      Object.assign(new Error('live mode is not available yet'), { code: 'GATELAB_E_UNSUPPORTED' }),
    );
    await store.getState().startRun();
    expect(fake.lab.startRun.mock.calls[0]![0]).not.toHaveProperty('speed');
    expect(store.getState().runPhase).toBe('failed');
    expect(store.getState().runError).toBe(
      'The run could not start: live mode is not available yet (GATELAB_E_UNSUPPORTED)',
    );
  });

  it('reports a failed run with the error the lab gave', async () => {
    await startRun();
    fake.emit({ type: 'run-ended', runId: 'run-1', state: 'failed', summary: summary('run-1'), error: 'boom' });
    expect(store.getState().runError).toBe('The run failed: boom');
  });
});

describe('run slice: ticks', () => {
  it('appends closed seconds to the series and replaces the live figures', async () => {
    await startRun();
    const before = store.getState().seriesVersion;
    fake.emit({
      type: 'run-tick',
      tick: tick('run-1', [point(0), point(1)], { totals: totals({ sent: 20, ok: 16 }) }),
    });
    fake.emit({ type: 'run-tick', tick: tick('run-1', [point(2)], { totals: totals({ sent: 30, ok: 24 }) }) });
    const state = store.getState();
    expect(state.series.points.toArray().map((p) => p.t)).toEqual([0, 1, 2]);
    expect(state.series.appended).toBe(3);
    expect(state.live?.totals).toMatchObject({ sent: 30, ok: 24 });
    expect(state.progress).toEqual({ simulatedMs: 3000, plannedMs: 60_000 });
    expect(state.seriesVersion).toBe(before + 2);
    expect(state.bucketNames).toEqual([
      { id: 'account', label: 'Account' },
      { id: 'stage:petstore/prod:GET /pets', label: 'Stage prod · GET /pets' },
    ]);
  });

  it('bounds the series: a long run keeps only the newest hour of seconds', async () => {
    await startRun();
    const batch = 600;
    for (let start = 0; start < 2 * SERIES_CAPACITY; start += batch) {
      const closed = Array.from({ length: batch }, (_, i) => point(start + i));
      fake.emit({ type: 'run-tick', tick: tick('run-1', closed) });
    }
    const { series } = store.getState();
    expect(series.points.size).toBe(SERIES_CAPACITY);
    expect(series.appended).toBe(2 * SERIES_CAPACITY);
    expect(series.points.at(0)?.t).toBe(SERIES_CAPACITY);
    expect(series.points.last()?.t).toBe(2 * SERIES_CAPACITY - 1);
  });

  it('ignores ticks of other runs, and adopts a run whose ticks arrive before the startRun reply', async () => {
    let reply: (value: { runId: string }) => void = () => undefined;
    fake.lab.startRun.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    const started = store.getState().startRun();
    fake.emit({ type: 'run-tick', tick: tick('run-7', [point(0)]) });
    expect(store.getState()).toMatchObject({ runId: 'run-7', runPhase: 'running' });
    fake.emit({ type: 'run-tick', tick: tick('other', [point(1)]) });
    expect(store.getState().series.appended).toBe(1);
    reply({ runId: 'run-7' });
    await started;
    expect(store.getState().runId).toBe('run-7');
  });

  it('clears the previous run’s series when a new run starts', async () => {
    await startRun('run-1');
    fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0), point(1)]) });
    fake.emit({ type: 'run-ended', runId: 'run-1', state: 'finished', summary: summary('run-1') });
    const generation = store.getState().series.generation;
    await startRun('run-2');
    expect(store.getState().series.appended).toBe(0);
    expect(store.getState().series.generation).toBe(generation + 1);
    expect(store.getState().live).toBeNull();
    fake.emit({ type: 'run-tick', tick: tick('run-1', [point(2)]) });
    expect(store.getState().series.appended).toBe(0);
  });
});

describe('run slice: playback speed', () => {
  it('changes the speed of the running run through the lab', async () => {
    await startRun();
    await store.getState().setSpeed(0.1);
    expect(fake.lab.setPlaybackSpeed).toHaveBeenCalledWith('run-1', 0.1);
    expect(store.getState().speed).toBe(0.1);
  });

  it('only remembers the speed when no run is going', async () => {
    await store.getState().setSpeed(1);
    expect(fake.lab.setPlaybackSpeed).not.toHaveBeenCalled();
    expect(store.getState().speed).toBe(1);
  });

  it('shows a failed speed change', async () => {
    await startRun();
    fake.lab.setPlaybackSpeed.mockRejectedValueOnce(new Error('no such run'));
    await store.getState().setSpeed(10);
    expect(store.getState().runError).toBe('Could not change the playback speed: no such run');
  });
});
