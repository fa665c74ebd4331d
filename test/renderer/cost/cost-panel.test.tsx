import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CostPanel } from '../../../renderer/components/CostPanel.tsx';
import { costRows, formatMoney, formatRequests } from '../../../renderer/store/cost-view.ts';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { fakeLab } from '../support/fake-lab.ts';
import { point, summary, tick } from '../support/fixtures.ts';
import { costEstimate } from './cost-fixture.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;

beforeEach(async () => {
  fake = fakeLab();
  store = createLabStore(fake.lab);
  await store.getState().initialise();
});
afterEach(cleanup);

const renderPanel = () =>
  render(
    <StoreProvider store={store}>
      <CostPanel />
    </StoreProvider>,
  );

async function startRun(runId = 'run-1') {
  fake.lab.startRun.mockResolvedValueOnce({ runId });
  await act(() => store.getState().startRun());
}

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('cost view helpers', () => {
  it('formats money like the HTML report and the CLI, and request counts in millions', () => {
    expect(formatMoney(975.6272)).toBe('$975.63');
    expect(formatMoney(1_234_567.891)).toBe('$1,234,567.89');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(0.001)).toBe('<$0.01');
    expect(formatMoney(12.5, 'EUR')).toBe('12.50 EUR');
    expect(formatRequests(274_579_200)).toBe('274.6M');
    expect(formatRequests(1_234_000_000)).toBe('1.23B');
    expect(formatRequests(9999)).toBe('9,999');
  });

  it('values the saved calls at the run’s backend cost, or previews one entered since', () => {
    const withRun = costRows(costEstimate({ backendSavings: { perMillion: 20, monthly: 2513.376 } }), 5);
    expect(withRun.find((r) => r.id === 'savings')).toMatchObject({ value: '$2,513.38', raw: 2513.376 });
    const preview = costRows(costEstimate(), 10).find((r) => r.id === 'savings')!;
    expect(preview.raw).toBeCloseTo(1256.688, 6);
    expect(preview.detail).toContain('entered after this run');
    expect(costRows(costEstimate(), null).find((r) => r.id === 'savings')).toMatchObject({ value: '—', raw: null });
  });
});

describe('CostPanel', () => {
  it('invites a run before there is one', () => {
    renderPanel();
    expect(text('cost-empty')).toMatch(/Run a scenario/);
    expect(screen.getByRole('region', { name: 'Monthly cost estimate' })).toBeDefined();
    expect(screen.getByLabelText('Backend cost per million calls (USD)')).toBeDefined();
  });

  it('shows the running estimate from ticks, then the saved report’s from the run-ended event', async () => {
    renderPanel();
    await startRun();
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0)]) }));
    expect(text('cost-empty')).toBe('The estimate comes at the end of the run.');

    const live = costEstimate({ total: 500, requestCost: { REST: 485.4, HTTP: 0, total: 485.4 } });
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(1)], { cost: live }) }));
    expect(text('cost-total-value')).toBe('$500.00');
    expect(text('cost-basis')).toMatch(/^So far/);
    expect(screen.getByText('live')).toBeDefined();

    const final = costEstimate();
    act(() =>
      fake.emit({ type: 'run-ended', runId: 'run-1', state: 'finished', summary: summary('run-1'), cost: final }),
    );
    expect(text('cost-total-value')).toBe('$975.63');
    expect(screen.getByTestId('cost-total').dataset['value']).toBe('975.6272');
    expect(text('cost-basis')).toBe("us-east-1 list prices of 2026-11-25, the run's average rate over a 30-day month.");
    expect(screen.queryByText('live')).toBeNull();
    expect(text('cost-requests')).toContain('$961.03');
    expect(text('cost-requests')).toContain('274.6M billed calls a month');
    expect(text('cost-cache')).toContain('$14.60');
    expect(text('cost-cache')).toContain('petstore/prod 0.5 GB');
    expect(text('cost-saved')).toContain('125.7M');
    expect(text('cost-savings')).toContain('enter your backend cost below');
    expect(text('cost-free-tier')).toMatch(/^Not deducted: .*free tier covers 1,000,000 REST/);
  });

  it('says so when the lab had no price table', async () => {
    renderPanel();
    await startRun();
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0)]) }));
    act(() =>
      fake.emit({ type: 'run-ended', runId: 'run-1', state: 'stopped', summary: summary('run-1'), cost: null }),
    );
    expect(text('cost-empty')).toMatch(/no price table/);
  });

  it('shows a reopened run’s cost from its report', async () => {
    const report = { totals: tick('x', []).totals, series: [], byClient: {}, byRoute: [], quotas: [] };
    fake.lab.openRun.mockResolvedValueOnce({
      summary: summary('old'),
      report: { ...report, durationSeconds: 60, config: {}, cost: costEstimate({ total: 42 }) } as never,
      buckets: [],
      changes: [],
    });
    renderPanel();
    await act(() => store.getState().openRun('old'));
    expect(text('cost-total-value')).toBe('$42.00');
  });
});

describe('CostPanel: the backend cost input', () => {
  it('sends a valid cost with the next run, refuses a negative one, and clears on empty', async () => {
    renderPanel();
    const input = screen.getByTestId<HTMLInputElement>('backend-cost-input');
    fireEvent.change(input, { target: { value: '20' } });
    expect(store.getState().backendCostPerMillion).toBe(20);
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await startRun();
    expect(fake.lab.startRun.mock.calls[0]![0]).toMatchObject({ backendCostPerMillion: 20 });

    fireEvent.change(input, { target: { value: '-3' } });
    expect(store.getState().backendCostPerMillion).toBe(20);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text('backend-cost-hint')).toMatch(/Enter an amount from 0 to 1,000,000/);
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByTestId('backend-cost-hint').id);

    fireEvent.change(input, { target: { value: '' } });
    expect(store.getState().backendCostPerMillion).toBeNull();
    act(() => fake.emit({ type: 'run-ended', runId: 'run-1', state: 'finished', summary: summary('run-1') }));
    await startRun('run-2');
    expect(fake.lab.startRun.mock.calls[1]![0]).not.toHaveProperty('backendCostPerMillion');
  });

  it('previews the value of the saved calls at a cost entered after the run', async () => {
    renderPanel();
    await startRun();
    act(() => fake.emit({ type: 'run-tick', tick: tick('run-1', [point(0)], { cost: costEstimate() }) }));
    fireEvent.change(screen.getByTestId('backend-cost-input'), { target: { value: '10' } });
    expect(text('cost-savings')).toContain('$1,256.69');
    expect(screen.getByTestId('cost-savings').dataset['value']).toBe(String((125_668_800 / 1e6) * 10));
  });
});
