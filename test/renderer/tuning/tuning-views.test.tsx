import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunComparison } from '../../../core/contract/lab-api.ts';
import { ChartFactoryProvider } from '../../../renderer/charts/chart-factory-context.tsx';
import { App } from '../../../renderer/components/App.tsx';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { annotationsOf } from '../../../renderer/tuning/annotation-plugin.ts';
import { fakeChartFactory, type FakeChart } from '../support/fake-chart.ts';
import { fakeLab } from '../support/fake-lab.ts';
import { point, summary, tick, totals } from '../support/fixtures.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;
let charts: FakeChart[];

async function renderApp() {
  const made = fakeChartFactory();
  charts = made.charts;
  render(
    <StoreProvider store={store}>
      <ChartFactoryProvider factory={made.factory}>
        <App />
      </ChartFactoryProvider>
    </StoreProvider>,
  );
  await screen.findByTestId('tune-panel');
}

const chartIn = (testId: string) => charts.find((c) => c.canvas.parentElement === screen.getByTestId(testId))!;

beforeEach(() => {
  fake = fakeLab();
  store = createLabStore(fake.lab, { storage: null });
});
afterEach(cleanup);

describe('dashboard: hot-apply panel', () => {
  it('is pre-filled from the config, live only while a run goes, and marks each change on the charts', async () => {
    await renderApp();
    const rate = screen.getByTestId<HTMLInputElement>('tune-rate-input');
    expect(screen.getByTestId<HTMLSelectElement>('tune-layer').value).toBe('stage:petstore/prod');
    expect(rate.value).toBe('100');
    expect(screen.getByTestId<HTMLInputElement>('tune-burst-input').value).toBe('200');
    expect(screen.getByTestId<HTMLInputElement>('tune-ttl-input').value).toBe('300');
    expect(rate.disabled).toBe(true);

    fake.lab.startRun.mockResolvedValueOnce({ runId: 'run-1' });
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0)]) }));
    expect(rate.disabled).toBe(false);
    fireEvent.change(screen.getByTestId('tune-rate-range'), { target: { value: '180' } });
    expect(rate.value).toBe('180');
    fake.lab.applyConfig.mockResolvedValueOnce({ atMs: 4200, description: 'stage prod "*/*": rate 100 → 180' });
    await act(async () => fireEvent.click(screen.getByTestId('tune-apply')));
    expect(fake.lab.applyConfig).toHaveBeenCalledOnce();
    expect(within(screen.getByTestId('change-log')).getByText('stage prod "*/*": rate 100 → 180')).toBeDefined();
    expect(rate.value).toBe('180');
    const rates = chartIn('chart-rates');
    expect(annotationsOf(rates.canvas)).toEqual([{ x: 4.2, label: '#1 stage prod "*/*": rate 100 → 180' }]);
    expect(screen.getByTestId('chart-latency').dataset['annotations']).toBe('1');
  });

  it('applies a typed value on Enter, at the layer picked', async () => {
    await renderApp();
    fake.lab.startRun.mockResolvedValueOnce({ runId: 'run-1' });
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0)]) }));
    fireEvent.change(screen.getByTestId('tune-layer'), { target: { value: 'account' } });
    expect(screen.queryByTestId('tune-ttl')).toBeNull();
    const input = screen.getByTestId('tune-burst-input');
    fireEvent.change(input, { target: { value: '42' } });
    fake.lab.applyConfig.mockResolvedValueOnce({ atMs: 1000, description: 'account: burst 5000 → 42' });
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    const sent = fake.lab.applyConfig.mock.calls[0]![1] as { account: unknown };
    expect(sent.account).toEqual({ throttlingRateLimit: 10_000, throttlingBurstLimit: 42 });
  });
});

describe('views', () => {
  it('switches views with the tabs, also with the arrow keys', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByTestId('history-view')).toBeDefined();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'History' }), { key: 'ArrowRight' });
    expect(screen.getByTestId('compare-view')).toBeDefined();
    expect(screen.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected')).toBe('true');
  });

  it('lists saved runs with their totals; renames, deletes after a confirmation, and reopens one', async () => {
    fake.lab.listRuns.mockResolvedValue([summary('r1', { name: 'First' }), summary('r2', { name: 'Second' })]);
    await renderApp();
    act(() => store.getState().setView('history'));
    const rows = await screen.findAllByTestId('history-row');
    expect(rows.map((r) => within(r).getByTestId('history-name').textContent)).toEqual(['First', 'Second']);
    expect(within(rows[0]!).getByTestId('history-throttled').textContent).toBe('2.8 %');
    fireEvent.click(within(rows[0]!).getByTestId('rename-run'));
    fireEvent.change(screen.getByTestId('rename-input'), { target: { value: 'Tuned' } });
    fake.lab.renameRun.mockResolvedValueOnce(summary('r1', { name: 'Tuned' }));
    await act(async () => fireEvent.keyDown(screen.getByTestId('rename-input'), { key: 'Enter' }));
    expect(fake.lab.renameRun).toHaveBeenCalledWith('r1', 'Tuned');
    expect(screen.getAllByTestId('history-name')[0]!.textContent).toBe('Tuned');
    fireEvent.click(within(rows[1]!).getByTestId('delete-run'));
    expect(fake.lab.deleteRun).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByTestId('confirm-delete')));
    expect(fake.lab.deleteRun).toHaveBeenCalledWith('r2');
    expect(screen.getAllByTestId('history-row')).toHaveLength(1);
    fake.lab.openRun.mockResolvedValueOnce({
      summary: summary('r1', { name: 'Tuned' }),
      report: {
        config: store.getState().configs['petstore.gatelab.json']!.value,
        durationSeconds: 2,
        totals: totals({ sent: 20 }),
        series: [point(0), point(1)],
        byClient: {},
        byRoute: [],
        quotas: [],
      } as never,
      buckets: [],
      changes: [],
    });
    await act(async () => fireEvent.click(screen.getByTestId('open-run')));
    expect(screen.getByTestId('reopened-note').textContent).toContain('Tuned');
    expect(screen.getByTestId('chart-rates').dataset['points']).not.toBe('0');
  });

  it('shows a comparison as a diff table and overlaid charts, A and B in each', async () => {
    await renderApp();
    const report = (throttled: number) =>
      ({ seed: 7, scenario: { name: 'Steady' }, series: [point(0, { throttled }), point(1, { throttled })] }) as never;
    const comparison: RunComparison = {
      a: { label: 'tight', report: report(5) },
      b: { label: 'loose', report: report(0) },
      diff: [{ name: 'throttled', unit: '%', a: 12.5, b: 0, delta: -12.5 }],
    };
    fake.lab.compareRuns.mockResolvedValueOnce(comparison);
    act(() => {
      store.getState().pickCompareRun('a', 'r1');
      store.getState().pickCompareRun('b', 'r2');
      store.getState().setView('compare');
    });
    await act(async () => store.getState().compareSavedRuns());
    const table = screen.getByTestId('diff-table');
    expect(within(table).getByTestId('diff-label-a').textContent).toBe('A · tight');
    const row = table.querySelector('[data-row="throttled"]')!;
    expect(Array.from(row.children).map((c) => c.textContent)).toEqual(['throttled', '12.50 %', '0.00 %', '−12.50 pt']);
    const throttledChart = chartIn('compare-chart-throttled');
    expect(throttledChart.datasets.map((d) => [d.label, d.data.map((p) => p.y)])).toEqual([
      ['A · tight', [5, 5]],
      ['B · loose', [0, 0]],
    ]);
    expect(screen.getByTestId('compare-chart-p99').dataset['points']).toBe('4');
  });
});
