import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedRun, RunComparison } from '../../../core/contract/lab-api.ts';
import type { LabStore } from '../../../renderer/store/create-lab-store.ts';
import { RECOMMENDED_CONFIG } from '../../../renderer/store/tuning-compare.ts';
import type { fakeLab } from '../support/fake-lab.ts';
import { point, summary, totals } from '../support/fixtures.ts';
import { PETSTORE, tuningStore } from './tuning-store.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;

beforeEach(async () => {
  ({ fake, store } = await tuningStore());
});

async function startRun(runId = 'run-1') {
  fake.lab.startRun.mockResolvedValueOnce({ runId });
  await store.getState().startRun();
}

const stageRate = (config: { apis: Array<{ stages: Array<{ methodSettings?: Record<string, unknown> }> }> }) =>
  config.apis[0]!.stages[0]!.methodSettings!['*/*'];

describe('tuning slice: hot-apply', () => {
  it('takes the config the run started with, and applies moved sliders to the running run', async () => {
    await startRun();
    const s = store.getState();
    expect(s.tuned).toMatchObject({ runId: 'run-1', changes: [] });
    expect(s.tuned.config?.name).toBe('Pet store');
    fake.lab.applyConfig.mockResolvedValueOnce({ atMs: 12_500, description: 'stage prod "*/*": rate 100 → 300' });
    store.getState().setTuneDraft('rate', 300);
    store.getState().setTuneDraft('burst', 250.6);
    expect(store.getState().tuneDraft).toEqual({ rate: 300, burst: 251 });
    await store.getState().applyTuning();
    const [runId, sent] = fake.lab.applyConfig.mock.calls[0]!;
    expect(runId).toBe('run-1');
    expect(stageRate(sent as never)).toMatchObject({ throttlingRateLimit: 300, throttlingBurstLimit: 251 });
    const after = store.getState();
    expect(after.tuned.changes).toEqual([{ atMs: 12_500, description: 'stage prod "*/*": rate 100 → 300' }]);
    expect(stageRate(after.tuned.config as never)).toMatchObject({ throttlingRateLimit: 300 });
    expect(after.tuneDraft).toEqual({});
    expect(after.tuneBusy).toBe(false);
  });

  it('applies to the layer picked, keeps the draft when the lab refuses, and starts afresh with the next run', async () => {
    await startRun();
    store.getState().selectTuneLayer('usagePlan:free');
    store.getState().setTuneDraft('quota', 50);
    fake.lab.applyConfig.mockRejectedValueOnce(Object.assign(new Error('bad'), { code: 'GATELAB_E_BAD_INPUT' }));
    await store.getState().applyTuning();
    const sent = fake.lab.applyConfig.mock.calls[0]![1] as { usagePlans: Array<{ quota: { limit: number } }> };
    expect(sent.usagePlans[0]!.quota.limit).toBe(50);
    expect(store.getState().tuneError).toBe('Could not apply the change: bad (GATELAB_E_BAD_INPUT)');
    expect(store.getState().tuneDraft).toEqual({ quota: 50 });
    fake.emit({ type: 'run-ended', runId: 'run-1', state: 'finished', summary: summary('run-1') });
    await store.getState().applyTuning();
    expect(store.getState().tuneError).toBe('Limits change only while a run goes.');
    await startRun('run-2');
    expect(store.getState().tuned).toMatchObject({ runId: 'run-2', changes: [] });
    expect(store.getState().tuneDraft).toEqual({});
  });
});

describe('tuning slice: saved runs', () => {
  const opened = (): OpenedRun => ({
    summary: summary('old', { name: 'Yesterday', state: 'stopped' }),
    report: {
      config: { name: 'Pet store' },
      durationSeconds: 3,
      totals: totals({ sent: 30 }),
      series: [point(0), point(1), point(2)],
      byClient: {},
      byRoute: [],
      quotas: [],
    } as never,
    buckets: [{ id: 'account', label: 'Account', rate: 10, burst: 20, level: 5 }],
    changes: [{ atMs: 1500, description: 'account: rate 10 → 20' }],
  });

  it('reopens a saved run into the dashboard: series, figures, annotations', async () => {
    store.getState().setView('history');
    fake.lab.openRun.mockResolvedValueOnce(opened());
    await store.getState().openRun('old');
    const s = store.getState();
    expect(fake.lab.openRun).toHaveBeenCalledWith('old');
    expect(s).toMatchObject({ runId: 'old', runPhase: 'stopped', view: 'dashboard', reopenedRun: 'old' });
    expect(s.series.points.toArray().map((p) => p.t)).toEqual([0, 1, 2]);
    expect(s.series.plannedSeconds).toBe(3);
    expect(s.live?.totals.sent).toBe(30);
    expect(s.bucketNames).toEqual([{ id: 'account', label: 'Account' }]);
    expect(s.tuned.changes).toEqual([{ atMs: 1500, description: 'account: rate 10 → 20' }]);
    expect(s.progress).toEqual({ simulatedMs: 3000, plannedMs: 3000 });
  });

  it('will not reopen a run over one that is going', async () => {
    await startRun();
    await store.getState().openRun('old');
    expect(fake.lab.openRun).not.toHaveBeenCalled();
    expect(store.getState().runFilesError).toBe('Stop the current run before opening another one.');
  });

  it('renames and deletes runs, and forgets a deleted run picked for a comparison', async () => {
    fake.lab.listRuns.mockResolvedValueOnce([summary('a'), summary('b')]);
    await store.getState().refreshRuns();
    fake.lab.renameRun.mockResolvedValueOnce(summary('a', { name: 'Renamed' }));
    await store.getState().renameRun('a', '  Renamed ');
    expect(fake.lab.renameRun).toHaveBeenCalledWith('a', 'Renamed');
    expect(store.getState().runs.map((r) => r.name)).toEqual(['Renamed', 'Steady 60 rps']);
    store.getState().pickCompareRun('a', 'a');
    store.getState().pickCompareRun('b', 'b');
    await store.getState().deleteRun('a');
    expect(fake.lab.deleteRun).toHaveBeenCalledWith('a');
    expect(store.getState().runs.map((r) => r.runId)).toEqual(['b']);
    expect(store.getState().compareRuns).toEqual({ a: null, b: 'b' });
    fake.lab.deleteRun.mockRejectedValueOnce(new Error('disk full'));
    await store.getState().deleteRun('b');
    expect(store.getState().runFilesError).toBe('Could not delete the run: disk full');
    expect(store.getState().runs).toHaveLength(1);
  });
});

describe('tuning slice: compare and what-if', () => {
  const comparison = { a: { label: 'A' }, b: { label: 'B' }, diff: [] } as unknown as RunComparison;

  it('compares two saved runs', async () => {
    await store.getState().compareSavedRuns();
    expect(store.getState().compareError).toBe('Pick two runs to compare.');
    store.getState().pickCompareRun('a', 'r1');
    store.getState().pickCompareRun('b', 'r2');
    fake.lab.compareRuns.mockResolvedValueOnce(comparison);
    await store.getState().compareSavedRuns();
    expect(fake.lab.compareRuns).toHaveBeenCalledWith('r1', 'r2');
    expect(store.getState()).toMatchObject({ comparison, compareKind: 'runs', compareBusy: false, compareError: null });
  });

  it('runs a what-if of the selected config against another on the selected scenario, seed from the scenario', async () => {
    store.getState().pickWhatIfConfig('b', PETSTORE);
    fake.lab.whatIf.mockResolvedValueOnce(comparison);
    await store.getState().runWhatIf();
    const [a, b, scenario, seed] = fake.lab.whatIf.mock.calls[0]!;
    expect((a as { name: string }).name).toBe('Pet store');
    expect(b).toBe(a);
    expect((scenario as { name: string }).name).toBe('Steady 60 rps');
    expect(seed).toBeNull();
    expect(store.getState().compareKind).toBe('whatIf');
    store.getState().pickWhatIfConfig('b', RECOMMENDED_CONFIG);
    await store.getState().runWhatIf();
    expect(store.getState().compareError).toMatch(/^Pick two valid configs/);
  });
});
