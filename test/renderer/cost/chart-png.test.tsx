import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartFactoryProvider } from '../../../renderer/charts/chart-factory-context.tsx';
import { canvasToPng, chartFileName, composeChartImage, readPngTheme } from '../../../renderer/charts/chart-png.ts';
import { App } from '../../../renderer/components/App.tsx';
import { createLabStore } from '../../../renderer/store/create-lab-store.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { fakeChartFactory } from '../support/fake-chart.ts';
import { fakeLab } from '../support/fake-lab.ts';
import { captureDownloads, type Downloads } from './downloads.ts';

/** A 2D context that records what is drawn on it, in order (jsdom has no canvas). */
function recordingContext(log: unknown[][]) {
  const ctx = { fillStyle: '', font: '', textBaseline: '' };
  return new Proxy(ctx, {
    get: (target, key) =>
      key in target
        ? target[key as keyof typeof target]
        : (...args: unknown[]) => log.push([key, ...args.map((a) => (a instanceof HTMLCanvasElement ? 'chart' : a))]),
    set: (target, key, value) => {
      log.push([`${String(key)}=`, value]);
      return Reflect.set(target, key, value);
    },
  });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let drawn: unknown[][];
let downloads: Downloads;

beforeEach(() => {
  drawn = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => recordingContext(drawn) as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) =>
    done(new Blob([PNG], { type: 'image/png' })),
  );
  downloads = captureDownloads();
});
afterEach(() => {
  cleanup();
  downloads.restore();
  vi.restoreAllMocks();
  document.documentElement.style.cssText = '';
});

function chartCanvas(width: number, height: number, cssWidth: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  Object.defineProperty(canvas, 'clientWidth', { value: cssWidth });
  return canvas;
}

describe('chart PNG', () => {
  it('draws the title over a solid background, then the chart, at the canvas’s pixel ratio', () => {
    const theme = { background: '#111827', text: '#e2e8f0', font: 'system-ui' };
    const out = composeChartImage(chartCanvas(800, 520, 400), 'Latency', theme);
    // 2× pixels: 28 px padding each side, a 32 px title.
    expect([out.width, out.height]).toEqual([856, 28 + 32 + 20 + 520 + 28]);
    expect(drawn).toEqual([
      ['fillStyle=', '#111827'],
      ['fillRect', 0, 0, 856, 628],
      ['fillStyle=', '#e2e8f0'],
      ['font=', '600 32px system-ui'],
      ['textBaseline=', 'top'],
      ['fillText', 'Latency', 28, 28, 800],
      ['drawImage', 'chart', 28, 80],
    ]);
  });

  it('takes its colours from the theme’s CSS variables', () => {
    document.documentElement.style.setProperty('--surface', '#0b1120');
    document.documentElement.style.setProperty('--text', '#f8fafc');
    expect(readPngTheme()).toMatchObject({ background: '#0b1120', text: '#f8fafc' });
  });

  it('names the file after the chart, and fails clearly when the canvas cannot be encoded', async () => {
    expect(chartFileName('Requests per second')).toBe('requests-per-second.png');
    expect(chartFileName('Cache and integration')).toBe('cache-and-integration.png');
    expect(chartFileName('✓')).toBe('chart.png');
    vi.mocked(HTMLCanvasElement.prototype.toBlob).mockImplementationOnce((done) => done(null));
    await expect(canvasToPng(document.createElement('canvas'))).rejects.toThrow('could not be encoded as PNG');
  });
});

describe('chart cards: the PNG button', () => {
  async function renderApp() {
    const fake = fakeLab();
    const store = createLabStore(fake.lab);
    render(
      <StoreProvider store={store}>
        <ChartFactoryProvider factory={fakeChartFactory().factory}>
          <App />
        </ChartFactoryProvider>
      </StoreProvider>,
    );
    await screen.findByTestId('run-button');
  }

  it('puts a labelled PNG button on every dashboard chart', async () => {
    await renderApp();
    for (const title of ['Requests per second', 'Token buckets', 'Cache and integration', 'Latency']) {
      expect(screen.getByRole('button', { name: `Download the ${title} chart as PNG` })).toBeDefined();
    }
  });

  it('downloads the chart as a PNG named after it, and says so', async () => {
    await renderApp();
    await act(async () => fireEvent.click(screen.getByTestId('export-png-rates')));
    expect(downloads.files).toEqual([{ name: 'requests-per-second.png', type: 'image/png', text: null }]);
    expect(drawn).toContainEqual(['fillText', 'Requests per second', 14, 14, expect.any(Number)]);
    expect(screen.getByTestId('export-notice').textContent).toBe('Exported requests-per-second.png.');
  });

  it('reports a chart that could not be encoded', async () => {
    await renderApp();
    vi.mocked(HTMLCanvasElement.prototype.toBlob).mockImplementationOnce((done) => done(null));
    await act(async () => fireEvent.click(screen.getByTestId('export-png-latency')));
    expect(downloads.files).toEqual([]);
    expect(screen.getByTestId('export-notice').textContent).toBe(
      'Could not export the Latency chart: the chart could not be encoded as PNG',
    );
  });
});
