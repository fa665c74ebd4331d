import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, screenshotPath, startTestUi } from './support/browser.ts';
import { referenceTotals } from './support/reference-run.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';

/**
 * The browser mode end to end (issue: "Must show"): the built renderer served by `startUiServer`, driven in
 * Debian's Chromium. Every wait is on a DOM condition with its own time limit; nothing sleeps.
 */
const CHARTS = ['rates', 'buckets', 'cache', 'latency'];
const WAIT = { timeout: 20_000 };

let server: UiServer;
let browser: Browser;
let page: Page;

const state = () => page.getAttribute('[data-testid="run-state"]', 'data-state');
const cardValue = async (id: string) => Number(await page.getAttribute(`[data-testid="summary-${id}"]`, 'data-value'));
const chartPoints = async (id: string) => Number(await page.getAttribute(`[data-testid="chart-${id}"]`, 'data-points'));

describe.skipIf(!chromiumAvailable)('dashboard in Chromium (browser mode)', () => {
  beforeAll(async () => {
    await ensureRendererBuilt();
    server = await startTestUi();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.setDefaultTimeout(20_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('opens ready on the pet-store example, with its scenarios to pick from', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
    expect(await page.inputValue('[data-testid="config-select"]')).toBe('petstore.gatelab.json');
    const scenarios = await page.$$eval('[data-testid="scenario-select"] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(scenarios).toContain('flash-sale.scenario.json');
    expect(await state()).toBe('idle');
    await page.screenshot({ path: screenshotPath('dashboard-before'), fullPage: true });
    expect(errors).toEqual([]);
  }, 40_000);

  it('runs a scenario in virtual mode at max speed: every chart gets data, the summary matches `gatelab run`', async () => {
    await page.selectOption('[data-testid="scenario-select"]', 'flash-sale.scenario.json');
    await page.check('[data-testid="speed-max"]');
    await page.click('[data-testid="run-button"]');
    await page.waitForSelector('[data-testid="run-state"][data-state="finished"]', { timeout: 45_000 });
    for (const id of CHARTS) expect(await chartPoints(id), `chart ${id}`).toBeGreaterThan(0);
    const reference = referenceTotals('petstore.gatelab.json', 'flash-sale.scenario.json');
    expect({
      sent: await cardValue('sent'),
      ok: await cardValue('ok'),
      throttled: await cardValue('throttled'),
      cacheHits: await cardValue('cache'),
      integrationCalls: await cardValue('integration'),
    }).toEqual({
      sent: reference.sent,
      ok: reference.ok,
      throttled: reference.throttled,
      cacheHits: reference.cacheHits,
      integrationCalls: reference.integrationCalls,
    });
    expect(await page.getAttribute('[data-testid="progress"]', 'aria-valuenow')).toBe('100');
    await page.waitForSelector('[data-testid="run-history"] li', WAIT);
    expect(await page.textContent('[data-testid="run-history"]')).toContain('Flash sale');
    await page.screenshot({ path: screenshotPath('dashboard-after'), fullPage: true });
  }, 60_000);

  it('stops a run at 1× part-way through', async () => {
    await page.check('[data-testid="speed-1"]');
    await page.click('[data-testid="run-button"]');
    await page.waitForSelector('[data-testid="run-state"][data-state="running"]', WAIT);
    // Seconds reach the charts once closed, a second after they end: wait until a few have.
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="chart-rates"]')?.getAttribute('data-points')) >= 18,
      null,
      WAIT,
    );
    await page.screenshot({ path: screenshotPath('dashboard-during'), fullPage: true });
    await page.click('[data-testid="stop-button"]');
    await page.waitForSelector('[data-testid="run-state"][data-state="stopped"]', WAIT);
    const progress = Number(await page.getAttribute('[data-testid="progress"]', 'aria-valuenow'));
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(100);
    expect(await page.isEnabled('[data-testid="run-button"]')).toBe(true);
    await page.waitForSelector('[data-testid="run-history"] li:nth-child(2)', WAIT);
    expect(await page.textContent('[data-testid="run-history"] li:first-child')).toContain('stopped');
  }, 40_000);
});
