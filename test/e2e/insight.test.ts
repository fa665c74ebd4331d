import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/engine/cost/index.ts';
import type { RunReport } from '../../core/engine/run/report-types.ts';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, screenshotPath, startTestUi } from './support/browser.ts';
import { ensureRendererBuilt, ROOT } from './support/renderer-build.ts';

/**
 * Issue "Insight" in the app, end to end in Chromium: the dashboard's cost estimate matches `gatelab run`'s, and
 * the HTML report, the CSV and a chart's PNG download from the page; the HTML report then opens offline.
 */
const WAIT = { timeout: 20_000 };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let server: UiServer;
let browser: Browser;
let page: Page;
let folder = '';
let cli: RunReport;

/** What `gatelab run examples/petstore.gatelab.json --scenario examples/flash-sale.scenario.json --report` writes. */
async function cliReport(): Promise<RunReport> {
  const file = join(folder, 'cli.report.json');
  const args = ['bin/gatelab.mjs', 'run', 'examples/petstore.gatelab.json'];
  args.push('--scenario', 'examples/flash-sale.scenario.json', '--report', file);
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(readFileSync(file, 'utf8')) as RunReport;
}

/** Clicks `selector` and saves the download it starts. */
async function download(selector: string): Promise<{ download: Download; path: string }> {
  const [started] = await Promise.all([page.waitForEvent('download', WAIT), page.click(selector)]);
  const path = join(folder, started.suggestedFilename());
  await started.saveAs(path);
  return { download: started, path };
}

describe.skipIf(!chromiumAvailable)('insight in the app: cost, report downloads, chart PNG (Chromium)', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'gatelab-insight-'));
    const [report] = await Promise.all([cliReport(), ensureRendererBuilt()]);
    cli = report;
    server = await startTestUi();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('runs Flash sale and shows the monthly cost `gatelab run` reports', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
    expect(await page.textContent('[data-testid="cost-empty"]')).toMatch(/Run a scenario/);
    await page.selectOption('[data-testid="scenario-select"]', 'flash-sale.scenario.json');
    await page.check('[data-testid="speed-max"]');
    await page.click('[data-testid="run-button"]');
    await page.waitForSelector('[data-testid="run-state"][data-state="finished"]', { timeout: 45_000 });

    expect(cli.cost).not.toBeNull();
    const total = cli.cost!.total;
    await page.waitForSelector(`[data-testid="cost-total"][data-value="${total}"]`, WAIT);
    expect(Number(await page.getAttribute('[data-testid="cost-total"]', 'data-value'))).toBe(total);
    expect(await page.textContent('[data-testid="cost-total-value"]')).toBe(formatMoney(total, 'USD'));
    expect(await page.textContent('[data-testid="cost-requests"]')).toContain(
      formatMoney(cli.cost!.requestCost.total, 'USD'),
    );
    expect(await page.textContent('[data-testid="cost-free-tier"]')).toBe(cli.cost!.freeTierNote);
    expect(await page.textContent('[data-testid="cost-saved"]')).toContain('Backend calls saved');
    await page.fill('[data-testid="backend-cost-input"]', '20');
    expect(await page.textContent('[data-testid="cost-savings"]')).toContain(
      formatMoney((cli.cost!.cacheSavedCalls / 1e6) * 20, 'USD'),
    );
    await page.locator('[data-testid="cost-panel"]').screenshot({ path: screenshotPath('insight-cost') });
    expect(errors).toEqual([]);
  }, 90_000);

  it('downloads the run’s HTML report and per-second CSV', async () => {
    await page.waitForSelector('[data-testid="export-run-select"] option', { ...WAIT, state: 'attached' });
    const html = await download('[data-testid="export-report-html"]');
    expect(html.download.suggestedFilename()).toMatch(/^flash-sale-.+\.report\.html$/);
    const text = readFileSync(html.path, 'utf8');
    expect(text).toContain('<title>Gatelab report: Flash sale</title>');
    expect(text).toContain(formatMoney(cli.cost!.total, 'USD'));
    expect(text).not.toMatch(/https?:\/\//);

    const csv = await download('[data-testid="export-series-csv"]');
    const rows = readFileSync(csv.path, 'utf8').trimEnd().split('\n');
    expect(rows[0]!.split(',').slice(0, 3)).toEqual(['t', 'offered', 'sent']);
    expect(rows).toHaveLength(1 + cli.series.length);
    expect(await page.textContent('[data-testid="export-notice"]')).toMatch(/^Exported .+\.series\.csv\.$/);
  }, 40_000);

  it('downloads a chart as a real PNG with its title on the theme’s background', async () => {
    const png = await download('[data-testid="export-png-rates"]');
    expect(png.download.suggestedFilename()).toBe('requests-per-second.png');
    const bytes = readFileSync(png.path);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(10_000);
    // IHDR: width and height, big-endian, right after the signature and the chunk's length and type.
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(250);
  }, 40_000);

  it('opens the downloaded HTML report with every network request refused, and saves a screenshot', async () => {
    const { path } = await download('[data-testid="export-report-html"]');
    const url = pathToFileURL(path).href;
    const offline = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    const problems: string[] = [];
    offline.on('request', (request) => requested.push(request.url()));
    offline.on('pageerror', (error) => problems.push(error.message));
    offline.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await offline.route('**/*', (route) =>
      route.request().url() === url ? route.continue() : route.abort('internetdisconnected'),
    );
    await offline.goto(url, { waitUntil: 'load' });
    expect(requested).toEqual([url]);
    expect(problems).toEqual([]);
    expect(await offline.title()).toBe('Gatelab report: Flash sale');
    const charts = await offline.$$('figure.chart svg');
    expect(charts.length).toBeGreaterThanOrEqual(6);
    const box = await charts[0]!.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(await offline.textContent('[data-testid="cost-total"]')).toContain(formatMoney(cli.cost!.total, 'USD'));
    await offline.screenshot({ path: screenshotPath('insight-html-from-app'), fullPage: true });
    await offline.close();
  }, 40_000);
});
