import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../core/engine/run/report-types.ts';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, screenshotPath, startTestUi } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';

/**
 * Live runs in the app end to end (SPEC §7 live mode), in Debian's Chromium against the browser mode: real HTTP
 * over loopback against the lab's in-process gateway. Scenarios are a few seconds at modest rates so the file
 * stays bounded in time and requests. Every wait is on a page condition with its own time limit; nothing sleeps.
 */
const WAIT = { timeout: 15_000 };
const CHARTS = ['rates', 'buckets', 'cache', 'latency'];

/** One stage that admits 20 req/s with a burst of 5, so 100 rps and more is mostly throttled. */
const SHOP = {
  formatVersion: 1,
  name: 'Live shop',
  apis: [
    {
      id: 'shop',
      routes: [
        {
          method: 'GET',
          path: '/items/{id}',
          cacheKeyParameters: ['method.request.path.id'],
          integration: { type: 'MOCK', body: '{"id":"${method.request.path.id}"}', latencyMs: 5 },
        },
      ],
      stages: [
        {
          name: 'prod',
          cacheClusterEnabled: true,
          methodSettings: {
            '*/*': { throttlingRateLimit: 20, throttlingBurstLimit: 5, cachingEnabled: true, cacheTtlInSeconds: 30 },
          },
        },
      ],
    },
  ],
};

const scenario = (name: string, durationSeconds: number, rate: number) => ({
  formatVersion: 1,
  name,
  target: { apiId: 'shop', stage: 'prod' },
  seed: 7,
  arrivals: 'uniform',
  phases: [{ durationSeconds, rate }],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 50 } } } }],
});

interface Line {
  label: string;
  points: Array<{ x: number; y: number }>;
}

let examplesDir: string;
let downloads: string;
let server: UiServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const cardValue = async (id: string) => Number(await page.getAttribute(`[data-testid="summary-${id}"]`, 'data-value'));
const chartPoints = async (id: string) => Number(await page.getAttribute(`[data-testid="chart-${id}"]`, 'data-points'));

/** A chart's lines as drawn, from the hook the charts publish on `window.__gatelabCharts`. */
async function chartLine(chart: string, label: string): Promise<Line> {
  const lines = await page.evaluate(
    (id) => (window as unknown as { __gatelabCharts: Record<string, () => Line[]> }).__gatelabCharts[id]!(),
    chart,
  );
  const line = lines.find((l) => l.label === label);
  if (!line) throw new Error(`no line "${label}" in chart ${chart}`);
  return line;
}

/** Picks a scenario, switches to Live HTTP and starts it; resolves once the run shows as running. */
async function startLive(scenarioFile: string): Promise<void> {
  await page.selectOption('[data-testid="scenario-select"]', scenarioFile);
  await page.selectOption('[data-testid="mode-select"]', 'live');
  await page.click('[data-testid="run-button"]');
  await page.waitForSelector('[data-testid="run-state"][data-state="running"]', WAIT);
}

/** Waits until the `count`th run has ended in `state` and is listed: the state alone may be the previous run's. */
async function ended(count: number, state: 'finished' | 'stopped'): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="run-history"] li').length >= n,
    count,
    WAIT,
  );
  await page.waitForSelector(`[data-testid="run-state"][data-state="${state}"]`, WAIT);
}

/** A full-page screenshot in `test-results/`, from the top: a scrolled page would put the sticky toolbar mid-image. */
async function snapshot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** The saved report of the run on the dashboard, downloaded through the page's lab API as a user would. */
async function savedReport(): Promise<RunReport> {
  await page.waitForSelector('[data-testid="export-run-select"] option', { ...WAIT, state: 'attached' });
  expect(await page.textContent('[data-testid="export-run-select"] option:checked')).toMatch(/^This run: /);
  const [started] = await Promise.all([
    page.waitForEvent('download', WAIT),
    page.click('[data-testid="export-report-json"]'),
  ]);
  const path = join(downloads, started.suggestedFilename());
  await started.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8')) as RunReport;
}

describe.skipIf(!chromiumAvailable)('live runs in Chromium (browser mode)', () => {
  beforeAll(async () => {
    examplesDir = mkdtempSync(join(tmpdir(), 'gatelab-live-examples-'));
    downloads = mkdtempSync(join(tmpdir(), 'gatelab-live-downloads-'));
    writeFileSync(join(examplesDir, 'shop.gatelab.json'), JSON.stringify(SHOP));
    writeFileSync(join(examplesDir, 'steady.scenario.json'), JSON.stringify(scenario('Live steady', 3, 150)));
    writeFileSync(join(examplesDir, 'overload.scenario.json'), JSON.stringify(scenario('Live overload', 5, 100)));
    writeFileSync(join(examplesDir, 'long.scenario.json'), JSON.stringify(scenario('Live long', 20, 50)));
    await ensureRendererBuilt();
    server = await startTestUi(examplesDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [examplesDir, downloads]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('runs a short live scenario: the charts fill while it runs, and the summary is the saved report', async () => {
    expect(await page.inputValue('[data-testid="config-select"]')).toBe('shop.gatelab.json');
    expect(await page.isEnabled('[data-testid="speed-10"]')).toBe(true);
    await startLive('steady.scenario.json');
    expect(await page.inputValue('[data-testid="mode-select"]')).toBe('live');
    expect(await page.isDisabled('[data-testid="mode-select"]')).toBe(true);
    // A live run goes in wall-clock time: the playback speed is greyed out.
    expect(await page.$eval('[data-testid="speed-control"]', (el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    for (const speed of ['0.1', '1', '10', 'max']) {
      expect(await page.isDisabled(`[data-testid="speed-${speed}"]`), `speed ${speed}`).toBe(true);
    }

    // Data on every chart while the run still goes (a second reaches the charts once its answers are in).
    await page.waitForFunction(
      (ids) =>
        document.querySelector('[data-testid="run-state"]')?.getAttribute('data-state') === 'running' &&
        ids.every(
          (id) => Number(document.querySelector(`[data-testid="chart-${id}"]`)?.getAttribute('data-points')) > 0,
        ),
      CHARTS,
      WAIT,
    );
    const sentWhileRunning = await cardValue('sent');
    expect(sentWhileRunning).toBeGreaterThan(0);
    expect(sentWhileRunning).toBeLessThan(450);

    await ended(1, 'finished');
    for (const id of CHARTS) expect(await chartPoints(id), `chart ${id}`).toBeGreaterThan(0);
    expect(await page.getAttribute('[data-testid="progress"]', 'aria-valuenow')).toBe('100');
    expect(await page.textContent('[data-testid="run-history"] li:first-child')).toMatch(/Live steady[\s\S]*live/);

    await snapshot('live-after');

    const report = await savedReport();
    expect(report.mode).toBe('live');
    expect(report.totals.sent).toBe(450);
    expect({
      sent: await cardValue('sent'),
      ok: await cardValue('ok'),
      throttled: await cardValue('throttled'),
      cacheHits: await cardValue('cache'),
    }).toEqual({
      sent: report.totals.sent,
      ok: report.totals.ok,
      throttled: report.totals.throttled,
      cacheHits: report.totals.cacheHits,
    });
    const sentLine = (await chartLine('rates', 'Offered (first attempts)')).points;
    expect(sentLine.map((p) => p.x)).toEqual(report.series.map((p) => p.t));
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it('hot-applies raised stage limits mid live run: throttling stops after the annotated change', async () => {
    await startLive('overload.scenario.json');
    // 100 rps against 20 req/s: wait until a throttled second is on the chart.
    await page.waitForFunction(
      () => {
        const charts = (window as unknown as { __gatelabCharts: Record<string, () => Line[]> }).__gatelabCharts;
        const line = charts['rates']?.().find((l) => l.label === 'Throttled · stage');
        return line?.points.some((p) => p.y > 0) ?? false;
      },
      null,
      WAIT,
    );
    await page.waitForSelector('[data-testid="tune-rate-range"]:enabled', WAIT);
    expect(await page.inputValue('[data-testid="tune-rate-input"]')).toBe('20');
    expect(await page.inputValue('[data-testid="tune-burst-input"]')).toBe('5');
    // The slider to its end by keyboard, as a user would; then past it in the number fields.
    await page.focus('[data-testid="tune-rate-range"]');
    await page.keyboard.press('End');
    expect(await page.inputValue('[data-testid="tune-rate-input"]')).toBe('50');
    await page.fill('[data-testid="tune-rate-input"]', '500');
    await page.fill('[data-testid="tune-burst-input"]', '500');
    await page.click('[data-testid="tune-apply"]');
    await page.waitForSelector('[data-testid="change-log"] li', WAIT);
    expect(await page.getAttribute('[data-testid="chart-rates"]', 'data-annotations')).toBe('1');
    expect(await page.textContent('[data-testid="change-log"] li')).toContain('rate 20 → 500, burst 5 → 500');
    const atSeconds = Number.parseFloat((await page.textContent('[data-testid="change-log"] .change-time')) ?? '');
    expect(atSeconds).toBeGreaterThan(0.5);
    expect(atSeconds).toBeLessThan(4);

    await ended(2, 'finished');
    expect(await page.getAttribute('[data-testid="chart-rates"]', 'data-annotations')).toBe('1');
    const throttled = (await chartLine('rates', 'Throttled · stage')).points;
    const before = throttled.filter((p) => p.x < Math.floor(atSeconds));
    const after = throttled.filter((p) => p.x >= Math.ceil(atSeconds));
    expect(before.length).toBeGreaterThan(0);
    for (const p of before) expect(p.y, `second ${p.x}`).toBeGreaterThan(50);
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) expect(p.y, `second ${p.x}`).toBe(0);
    await snapshot('live-hot-apply');
  }, 30_000);

  it('stops a live run part-way through', async () => {
    await startLive('long.scenario.json');
    // Three closed seconds on the chart (lines, not lone points, for the screenshot), then stopped, well before
    // the 20 s it would take.
    await page.waitForFunction(
      () => {
        const charts = (window as unknown as { __gatelabCharts: Record<string, () => Line[]> }).__gatelabCharts;
        const line = charts['rates']?.().find((l) => l.label === 'Offered (first attempts)');
        return line?.points.some((p) => p.x >= 2) ?? false;
      },
      null,
      WAIT,
    );
    expect(await page.getAttribute('[data-testid="run-state"]', 'data-state')).toBe('running');
    await snapshot('live-during');
    expect(await page.isEnabled('[data-testid="stop-button"]')).toBe(true);
    await page.click('[data-testid="stop-button"]');
    await ended(3, 'stopped');
    const progress = Number(await page.getAttribute('[data-testid="progress"]', 'aria-valuenow'));
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(100);
    expect(await cardValue('sent')).toBeLessThan(1000);
    expect(await page.isEnabled('[data-testid="run-button"]')).toBe(true);
    expect(await page.isDisabled('[data-testid="stop-button"]')).toBe(true);
    expect(await page.isEnabled('[data-testid="mode-select"]')).toBe(true);
    expect(await page.textContent('[data-testid="run-history"] li:first-child')).toMatch(/Live long[\s\S]*stopped/);
    await snapshot('live-stopped');
    expect(pageErrors).toEqual([]);
  }, 20_000);
});
