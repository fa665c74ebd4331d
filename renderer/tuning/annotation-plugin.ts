import type { Chart, Plugin } from 'chart.js';

/** A vertical line across a chart at `x` (in the x axis' units), with a short label at its top. */
export interface ChartAnnotation {
  x: number;
  label: string;
}

/** Annotations by canvas: set from outside chart.js, so no option proxy or re-resolution gets in the way. */
const byCanvas = new WeakMap<HTMLCanvasElement, readonly ChartAnnotation[]>();

/** Sets a chart's annotations; redraw the chart afterwards. */
export function setAnnotations(canvas: HTMLCanvasElement, annotations: readonly ChartAnnotation[]): void {
  byCanvas.set(canvas, annotations);
}

/** The annotations a canvas has (tests). */
export function annotationsOf(canvas: HTMLCanvasElement): readonly ChartAnnotation[] {
  return byCanvas.get(canvas) ?? [];
}

/** Used where the page sets no `--annotation` colour (tests, exported images). */
const LINE = '#a855f7';
const MAX_LABEL = 36;
const ROWS = 3;

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

/** The theme's annotation and background colours, read at draw time so a theme switch follows. */
function colors(chart: Chart): { line: string; background: string } {
  const style = getComputedStyle(chart.canvas);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { line: read('--annotation', LINE), background: read('--surface', '#ffffff') };
}

/**
 * Draws each annotation as a dashed vertical line with its label in a small box near the top of the plot area,
 * staggered over a few rows so changes made close together stay readable. Lines outside the x range are skipped.
 */
export const annotationPlugin: Plugin<'line'> = {
  id: 'gatelabAnnotations',
  afterDatasetsDraw(chart) {
    const items = byCanvas.get(chart.canvas);
    const x = chart.scales['x'];
    if (!items || items.length === 0 || !x) return;
    const { ctx, chartArea } = chart;
    const { line, background } = colors(chart);
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    items.forEach((item, i) => {
      const px = x.getPixelForValue(item.x);
      if (!Number.isFinite(px) || px < chartArea.left - 0.5 || px > chartArea.right + 0.5) return;
      ctx.strokeStyle = line;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      const text = shorten(item.label);
      const width = ctx.measureText(text).width + 8;
      const top = chartArea.top + 2 + (i % ROWS) * 16;
      const left = Math.min(Math.max(chartArea.left, px + 3), chartArea.right - width);
      ctx.fillStyle = background;
      ctx.globalAlpha = 0.88;
      ctx.fillRect(left, top, width, 15);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = line;
      ctx.lineWidth = 1;
      ctx.strokeRect(left + 0.5, top + 0.5, width - 1, 14);
      ctx.fillStyle = line;
      ctx.fillText(text, left + 4, top + 2);
    });
    ctx.restore();
  },
};
