/** The colours and font a chart image is drawn with: the chart card's, so the PNG looks like the app. */
export interface PngTheme {
  background: string;
  text: string;
  font: string;
}

/** Reads the current theme (light or dark, from the page's CSS variables). */
export function readPngTheme(root: HTMLElement = document.documentElement): PngTheme {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--surface', '#ffffff'),
    text: read('--text', '#0f172a'),
    font: read('--font', 'system-ui, sans-serif'),
  };
}

/**
 * The chart with its title above it on a solid background (a chart's own canvas is transparent), at the canvas's
 * resolution: a HiDPI screen gives a sharper image.
 */
export function composeChartImage(chart: HTMLCanvasElement, title: string, theme: PngTheme): HTMLCanvasElement {
  const scale = chart.clientWidth > 0 ? chart.width / chart.clientWidth : 1;
  const pad = Math.round(14 * scale);
  const titleSize = Math.round(16 * scale);
  const head = pad + titleSize + Math.round(10 * scale);
  const out = chart.ownerDocument.createElement('canvas');
  out.width = chart.width + 2 * pad;
  out.height = head + chart.height + pad;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = theme.text;
  ctx.font = `600 ${titleSize}px ${theme.font}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad, out.width - 2 * pad);
  ctx.drawImage(chart, pad, head);
  return out;
}

/** A canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be encoded as PNG'))),
      'image/png',
    );
  });
}

/** `requests-per-second.png`, from a chart's title. */
export function chartFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'chart'}.png`;
}

/** Hands bytes to the browser as a download (Electron shows its save dialog for it). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the click returns; revoke it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a chart as a titled PNG on the theme's background; resolves with the file's name. */
export async function saveChartPng(chart: HTMLCanvasElement, title: string, theme = readPngTheme()): Promise<string> {
  const blob = await canvasToPng(composeChartImage(chart, title, theme));
  const fileName = chartFileName(title);
  downloadBlob(blob, fileName);
  return fileName;
}
