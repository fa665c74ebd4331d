import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../core/contract/lab-api.ts';
import { ExportPanel } from '../../../renderer/components/ExportPanel.tsx';
import { createLabStore, type LabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { fakeLab } from '../support/fake-lab.ts';
import { summary } from '../support/fixtures.ts';
import { captureDownloads, type Downloads } from './downloads.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;
let downloads: Downloads;

const HTML: ExportedFile = { fileName: 'flash-sale-run-2.report.html', mimeType: 'text/html', text: '<!doctype html>' };

beforeEach(async () => {
  fake = fakeLab();
  fake.lab.listRuns.mockResolvedValue([
    summary('run-3', { state: 'running', name: 'Going' }),
    summary('run-2', { name: 'Flash sale', savedAt: '2026-03-10T10:05:00.000Z' }),
    summary('run-1', { name: 'Steady', state: 'stopped', savedAt: '2026-03-10T09:00:00.000Z' }),
  ]);
  fake.lab.exportRun.mockImplementation(async (runId, format) => ({ ...HTML, fileName: `${runId}.${format}` }));
  store = createLabStore(fake.lab);
  await store.getState().initialise();
  downloads = captureDownloads();
});
afterEach(() => {
  cleanup();
  downloads.restore();
  delete (window as { gatelab?: unknown }).gatelab;
});

const renderPanel = () =>
  render(
    <StoreProvider store={store}>
      <ExportPanel />
    </StoreProvider>,
  );

describe('ExportPanel', () => {
  it('lists the saved runs, newest first, and downloads the HTML report of the newest', async () => {
    renderPanel();
    const select = screen.getByLabelText<HTMLSelectElement>('Run');
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      'Flash sale · finished · 2026-03-10 10:05 UTC',
      'Steady · stopped · 2026-03-10 09:00 UTC',
    ]);
    expect(select.value).toBe('run-2');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'HTML report' })));
    expect(fake.lab.exportRun).toHaveBeenCalledWith('run-2', 'report-html');
    await downloads.settle();
    expect(downloads.files).toEqual([{ name: 'run-2.report-html', type: 'text/html', text: '<!doctype html>' }]);
    expect(screen.getByTestId('export-notice').textContent).toBe('Exported run-2.report-html.');
  });

  it('exports the run picked, in each format, and marks the dashboard’s run', async () => {
    store.setState({ runId: 'run-1' });
    renderPanel();
    const select = screen.getByLabelText<HTMLSelectElement>('Run');
    expect(select.value).toBe('run-1');
    expect(within(select).getAllByRole('option')[1]!.textContent).toMatch(/^This run: Steady/);
    fireEvent.change(select, { target: { value: 'run-2' } });
    await act(async () => fireEvent.click(screen.getByTestId('export-series-csv')));
    await act(async () => fireEvent.click(screen.getByTestId('export-report-json')));
    expect(fake.lab.exportRun.mock.calls).toEqual([
      ['run-2', 'series-csv'],
      ['run-2', 'report-json'],
    ]);
    expect(downloads.files.map((f) => f.name)).toEqual(['run-2.series-csv', 'run-2.report-json']);
    expect(screen.getByRole('group', { name: 'Download the run as' })).toBeDefined();
  });

  it('says why an export failed, and downloads nothing', async () => {
    fake.lab.exportRun.mockRejectedValueOnce(
      Object.assign(new Error('no run "run-2"'), { code: 'GATELAB_E_NOT_FOUND' }),
    );
    renderPanel();
    await act(async () => fireEvent.click(screen.getByTestId('export-report-html')));
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe('Could not export the HTML report: no run "run-2" (GATELAB_E_NOT_FOUND)');
    expect(notice.className).toContain('inline-error');
    expect(downloads.files).toEqual([]);
  });

  it('saves through the native dialog in Electron', async () => {
    (window as { gatelab?: unknown }).gatelab = {};
    fake.lab.saveDocument.mockResolvedValueOnce('/home/me/flash.html');
    renderPanel();
    await act(async () => fireEvent.click(screen.getByTestId('export-report-html')));
    expect(fake.lab.saveDocument).toHaveBeenCalledWith('report', '<!doctype html>', 'run-2.report-html');
    expect(downloads.files).toEqual([]);
    expect(screen.getByTestId('export-notice').textContent).toBe('Saved to /home/me/flash.html.');
  });

  it('has nothing to export before a run is saved', () => {
    store.setState({ runs: [summary('run-3', { state: 'running' })] });
    renderPanel();
    expect(screen.getByTestId('export-empty').textContent).toMatch(/Run a scenario/);
    expect(screen.queryByTestId('export-report-html')).toBeNull();
  });

  it('runs one export at a time', async () => {
    let finish: (file: ExportedFile) => void = () => undefined;
    fake.lab.exportRun.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    renderPanel();
    fireEvent.click(screen.getByTestId('export-report-html'));
    expect(screen.getByTestId<HTMLButtonElement>('export-series-csv').disabled).toBe(true);
    expect(screen.getByTestId('export-report-html').textContent).toBe('HTML report…');
    await act(async () => finish(HTML));
    expect(screen.getByTestId<HTMLButtonElement>('export-series-csv').disabled).toBe(false);
    expect(downloads.files.map((f) => f.name)).toEqual(['flash-sale-run-2.report.html']);
  });
});
