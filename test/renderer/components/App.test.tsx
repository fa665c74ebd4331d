import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartFactoryProvider } from '../../../renderer/charts/chart-factory-context.tsx';
import { App } from '../../../renderer/components/App.tsx';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
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
  await screen.findByTestId('run-button');
}

beforeEach(() => {
  fake = fakeLab();
  store = createLabStore(fake.lab);
});
afterEach(cleanup);

describe('App', () => {
  it('marks the root ready once the examples are loaded, and opens on the pet store', async () => {
    await renderApp();
    expect(screen.getByTestId('app').dataset['appState']).toBe('ready');
    expect(screen.getByTestId<HTMLSelectElement>('config-select').value).toBe('petstore.gatelab.json');
    expect(
      within(screen.getByTestId('scenario-select'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Steady 60 rps', 'Flash sale', 'Hello burst']);
    expect(screen.getByLabelText('Config')).toBeDefined();
    expect(screen.getByRole('group', { name: 'Playback speed' })).toBeDefined();
  });

  it('starts the selected scenario when Run is clicked', async () => {
    await renderApp();
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'flash-sale.scenario.json' } });
    fireEvent.click(screen.getByLabelText('Max'));
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    expect(fake.lab.startRun).toHaveBeenCalledOnce();
    const request = fake.lab.startRun.mock.calls[0]![0];
    expect(request.scenario.name).toBe('Flash sale');
    expect(request).toMatchObject({ mode: 'virtual', speed: 'max' });
    expect(screen.getByTestId<HTMLButtonElement>('run-button').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('stop-button').disabled).toBe(false);
  });

  it('shows the tick totals in the summary cards and feeds the charts in place', async () => {
    await renderApp();
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    expect(charts).toHaveLength(4);
    const t = totals({ sent: 1200, ok: 1100, throttled: 60, quotaExceeded: 4, cacheHits: 300, cacheMisses: 100 });
    t.integrationCalls = 105;
    t.latencyMs = { p50: 20, p90: 80, p99: 142.4, max: 300 };
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0), point(1)], { totals: t }) }));
    const value = (id: string) => screen.getByTestId(`summary-${id}-value`).textContent;
    expect(value('sent')).toBe('1,200');
    expect(value('ok')).toBe('1,100');
    expect(value('throttled')).toBe('5.0 %');
    expect(value('quota')).toBe('4');
    expect(value('cache')).toBe('75.0 %');
    expect(value('p99')).toBe('142 ms');
    expect(value('integration')).toBe('105');
    for (const id of ['rates', 'buckets', 'cache', 'latency']) {
      expect(Number(screen.getByTestId(`chart-${id}`).dataset['points'])).toBeGreaterThan(0);
    }
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(2)], { totals: t }) }));
    expect(charts).toHaveLength(4);
    expect(charts.every((c) => !c.destroyed && c.updates >= 3)).toBe(true);
    expect(screen.getByTestId('progress').getAttribute('aria-valuenow')).toBe('5');
  });

  it('in live mode, disables the playback speed and labels the progress as elapsed time', async () => {
    await renderApp();
    expect(screen.getByRole('progressbar', { name: 'Simulated time' })).toBeDefined();
    fireEvent.change(screen.getByTestId('mode-select'), { target: { value: 'live' } });
    expect(screen.getByTestId<HTMLFieldSetElement>('speed-control').disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Elapsed time' })).toBeDefined();
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    expect(fake.lab.startRun.mock.calls[0]![0]).toMatchObject({ mode: 'live' });
    expect(fake.lab.startRun.mock.calls[0]![0]).not.toHaveProperty('speed');
  });

  it('stops the run and shows how it ended', async () => {
    await renderApp();
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    await act(async () => fireEvent.click(screen.getByTestId('stop-button')));
    expect(fake.lab.stopRun).toHaveBeenCalledWith('run-1');
    fake.lab.listRuns.mockResolvedValueOnce([summary('run-1', { state: 'stopped', name: 'Steady 60 rps' })]);
    await act(async () =>
      fake.emit({
        type: 'run-ended',
        runId: 'run-1',
        state: 'stopped',
        summary: summary('run-1', { state: 'stopped' }),
      }),
    );
    expect(screen.getByTestId('run-state').dataset['state']).toBe('stopped');
    expect(within(screen.getByTestId('run-history')).getByText('stopped')).toBeDefined();
  });

  it('shows an error from the lab instead of swallowing it', async () => {
    await renderApp();
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'live' } });
    fake.lab.startRun.mockRejectedValueOnce(new Error('live runs are not available yet'));
    await act(async () => fireEvent.click(screen.getByTestId('run-button')));
    expect(screen.getByRole('alert').textContent).toContain('live runs are not available yet');
    fireEvent.click(screen.getByLabelText('Dismiss the error'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists the validation problems of the selected documents', async () => {
    const doc = (await fake.lab.loadExample('petstore.gatelab.json')) as never as Record<string, unknown>;
    fake.lab.loadExample.mockImplementation(async (name: string) => {
      const loaded = (await import('../support/fixtures.ts')).loadedExample(name);
      if (name !== 'petstore.gatelab.json') return loaded;
      return {
        ...doc,
        warnings: [{ path: ['apis', 0], pathText: 'apis[0]', message: 'stage dev is never used' }],
      } as never;
    });
    await renderApp();
    const problems = screen.getByTestId('problems');
    expect(problems.textContent).toContain('config: apis[0]');
    expect(problems.textContent).toContain('stage dev is never used');
    expect(problems.textContent).toContain('0 errors · 1 warnings');
  });
});
