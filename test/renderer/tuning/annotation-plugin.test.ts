import { describe, expect, it, vi } from 'vitest';
import { annotationPlugin, setAnnotations } from '../../../renderer/tuning/annotation-plugin.ts';
import { changeAnnotations } from '../../../renderer/tuning/chart-extras.ts';

/** A canvas context that records the lines and labels drawn. */
function fakeChart(canvas: HTMLCanvasElement) {
  const lines: number[] = [];
  const labels: string[] = [];
  const ctx = {
    save: vi.fn(),
    restore: vi.fn(),
    setLineDash: vi.fn(),
    beginPath: vi.fn(),
    moveTo: (x: number) => lines.push(x),
    lineTo: vi.fn(),
    stroke: vi.fn(),
    fillRect: vi.fn(),
    strokeRect: vi.fn(),
    measureText: (text: string) => ({ width: text.length * 6 }),
    fillText: (text: string) => labels.push(text),
  };
  const chart = {
    canvas,
    ctx,
    chartArea: { left: 40, right: 440, top: 10, bottom: 210 },
    scales: { x: { getPixelForValue: (v: number) => 40 + v * 10 } },
  };
  return { chart, lines, labels };
}

describe('annotation plugin', () => {
  it('draws a line at each change inside the plot, with its numbered label', () => {
    const canvas = document.createElement('canvas');
    const { chart, lines, labels } = fakeChart(canvas);
    setAnnotations(
      canvas,
      changeAnnotations([
        { atMs: 5000, description: 'stage prod "*/*": rate 100 → 300, burst 200 → 400, TTL 300 → 60' },
        { atMs: 90_000, description: 'beyond the axis' },
      ]),
    );
    annotationPlugin.afterDatasetsDraw!(chart as never, {} as never, {} as never, false);
    expect(lines).toEqual([90]);
    expect(labels).toEqual(['#1 stage prod "*/*": rate 100 → 300…']);
  });

  it('draws nothing for a chart without annotations', () => {
    const canvas = document.createElement('canvas');
    const { chart, lines } = fakeChart(canvas);
    annotationPlugin.afterDatasetsDraw!(chart as never, {} as never, {} as never, false);
    expect(lines).toEqual([]);
  });
});
