import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport, writeSeriesCsv } from '../../core/node/report/write-report-files.ts';
import { flashSaleReport } from '../core/engine/report/flash-sale.ts';

/**
 * The HTML report of the README's flash sale, opened from disk in Debian's Chromium with every network
 * request refused: it must render completely from the one file (issue "Insight": viewable offline).
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env['CI'] === 'true';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let browser: Browser;
let folder = '';

describe.skipIf(!available)('the HTML report in Chromium, offline', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'gatelab-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 30_000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('renders every chart and table with all network requests refused, and saves a screenshot', async () => {
    const file = join(folder, 'flash-sale.html');
    const report = flashSaleReport();
    await writeHtmlReport(report, file);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    const refused: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/*', async (route) => {
      if (route.request().url() === url) return route.continue();
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });

    await page.goto(url, { waitUntil: 'load' });

    expect(requested).toEqual([url]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.title()).toBe('Gatelab report: Flash sale');
    const charts = await page.$$('figure.chart svg');
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const chart of charts) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(50);
    }
    const layers = await page.$$('[data-testid="chart-traffic"] svg path[fill-opacity]');
    const heights = await Promise.all(layers.map(async (layer) => (await layer.boundingBox())?.height ?? 0));
    expect(heights).toHaveLength(5);
    expect(Math.max(...heights)).toBeGreaterThan(50);
    for (const id of ['table-clients', 'table-routes', 'table-quotas', 'table-stages', 'table-checks', 'table-cost']) {
      expect(await page.locator(`[data-testid="${id}"]`).isVisible(), id).toBe(true);
    }
    expect(await page.textContent('[data-testid="checks-verdict"]')).toBe('1 of 2 checks failed.');
    expect(await page.textContent('[data-testid="cost-total"]')).toMatch(/^Estimated \$[\d,]+\.\d\d a month/);

    const shots = join(ROOT, 'test-results');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'html-report.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('writes the per-second CSV beside it', async () => {
    const report = flashSaleReport();
    const file = join(folder, 'nested', 'flash-sale.csv');
    await writeSeriesCsv(report, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(report.series.length + 1);
    expect(lines[0]?.endsWith(',account')).toBe(true);
  });
});
