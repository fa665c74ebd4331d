import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartFactoryProvider } from '../../../renderer/charts/chart-factory-context.tsx';
import { EditorView } from '../../../renderer/editors/EditorView.tsx';
import { LAMBDA_SAMPLE } from '../../../renderer/editors/model/templates.ts';
import type { LabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { fakeChartFactory } from '../support/fake-chart.ts';
import { configRaw, editorStore, MemoryStorage } from './support.ts';

const field = (path: Array<string | number>) =>
  document.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    `[data-path='${JSON.stringify(path)}']`,
  )!;
const STAR_RATE = ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'];

async function renderEditor(store: LabStore) {
  const charts = fakeChartFactory();
  render(
    <StoreProvider store={store}>
      <ChartFactoryProvider factory={charts.factory}>
        <EditorView />
      </ChartFactoryProvider>
    </StoreProvider>,
  );
  await screen.findByTestId('editor');
  return charts;
}

const settle = (store: LabStore) => act(() => store.getState().flushValidation());

afterEach(cleanup);

describe('EditorView', () => {
  it('shows the error at the field as gatelab validate words it, and what an empty field inherits', async () => {
    const { store } = await editorStore();
    await renderEditor(store);
    fireEvent.click(screen.getByTestId('config-section-stages'));
    const rate = field(STAR_RATE) as HTMLInputElement;
    expect(rate.value).toBe('100');
    fireEvent.click(screen.getByTestId('config-section-stages'));
    expect(
      (field(['apis', 0, 'stages', 0, 'methodSettings', 'GET /pets/{id}', 'cacheTtlInSeconds']) as HTMLInputElement)
        .placeholder,
    ).toBe('inherits 300 from */*');
    fireEvent.change(rate, { target: { value: 'fast' } });
    await settle(store);
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    const problems = document.getElementById(rate.getAttribute('aria-describedby')!)!;
    expect(problems.textContent).toBe('expected -1 or a number ≥ 0, got "fast"');
    expect(screen.getByTestId('editor-validation').dataset['state']).toBe('invalid');
    expect(within(screen.getByTestId('config-section')).getByLabelText('1 errors')).toBeDefined();
  });

  it('shows a lint warning beside its field, and the config stays valid', async () => {
    const { store } = await editorStore();
    await renderEditor(store);
    fireEvent.click(screen.getByTestId('config-section-stages'));
    const burst = field(['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingBurstLimit']) as HTMLInputElement;
    fireEvent.change(burst, { target: { value: '0' } });
    await settle(store);
    expect(burst.getAttribute('aria-invalid')).toBeNull();
    const warning = document.getElementById(burst.getAttribute('aria-describedby')!)!;
    expect(within(warning).getByTestId('field-warning').textContent).toMatch(/^burst 0 blocks every request/);
    expect(screen.getByTestId('editor-validation').dataset['state']).toBe('valid');
  });

  it('keeps "1." while typing 1.5, and undoes with the button and with Ctrl+Z', async () => {
    const { store, clock } = await editorStore();
    await renderEditor(store);
    fireEvent.click(screen.getByTestId('config-section-stages'));
    const rate = field(STAR_RATE) as HTMLInputElement;
    fireEvent.change(rate, { target: { value: '1.' } });
    expect(rate.value).toBe('1.');
    fireEvent.change(rate, { target: { value: '1.5' } });
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(1.5);
    clock.now += 5000;
    fireEvent.change(rate, { target: { value: '7' } });
    fireEvent.click(screen.getByTestId('undo'));
    expect(rate.value).toBe('1.5');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(rate.value).toBe('100');
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(rate.value).toBe('1.5');
  });

  it("switches a route to Lambda with AWS's sample code, and deploys from the Deployments section", async () => {
    const { store, fake } = await editorStore();
    await renderEditor(store);
    fireEvent.change(within(screen.getByTestId('route-0')).getByTestId('integration-type'), {
      target: { value: 'LAMBDA' },
    });
    expect(screen.getByTestId<HTMLTextAreaElement>('lambda-code').value).toBe(LAMBDA_SAMPLE);
    fireEvent.click(screen.getByTestId('config-section-deployments'));
    fireEvent.change(screen.getByTestId('deploy-description'), { target: { value: 'lambda' } });
    fireEvent.click(screen.getByTestId('deploy-stage-dev'));
    await act(async () => fireEvent.click(screen.getByTestId('deploy-button')));
    expect(fake.lab.deploy).toHaveBeenCalledWith(expect.anything(), 'petstore', 'lambda', ['dev']);
    expect(screen.getByTestId('deployment-d3').textContent).toContain('dev');
    expect(screen.getByTestId('editor-notice').textContent).toContain('Deployed d3 to dev.');
  });

  it('previews the offered rate of the scenario as the phases change', async () => {
    const { store } = await editorStore();
    const { charts } = await renderEditor(store);
    fireEvent.click(screen.getByTestId('editor-kind-scenario'));
    const preview = await screen.findByTestId('rate-preview');
    const before = Number(preview.dataset['points']);
    expect(before).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('add-phase'));
    expect(Number(preview.dataset['points'])).toBe(before + 2);
    expect(charts.at(-1)!.datasets[0]!.data).toHaveLength(before + 2);
  });

  it('says a draft was restored, and discards it on request', async () => {
    const storage = new MemoryStorage();
    const first = await editorStore(storage);
    first.store.getState().setField('config', STAR_RATE, 5);
    first.store.getState().flushAutosave();
    const { store } = await editorStore(storage);
    expect(store.getState().view).toBe('editor');
    await renderEditor(store);
    expect(screen.getByTestId('draft-restored').textContent).toContain('petstore.gatelab.json');
    fireEvent.click(screen.getByTestId('discard-draft'));
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(configRaw(store).apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit).toBe(100);
  });

  it('clicking a problem opens its section and focuses its field', async () => {
    const { store } = await editorStore();
    store.getState().setField('config', ['apiKeys', 1, 'value'], 'short');
    await settle(store);
    await renderEditor(store);
    fireEvent.click(within(screen.getByTestId('editor-problems')).getByText('apiKeys[1].value'));
    expect(screen.getByTestId('config-panel-keys')).toBeDefined();
    expect(document.activeElement).toBe(field(['apiKeys', 1, 'value']));
  });
});
