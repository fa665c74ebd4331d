import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, screenshotPath, startTestUi } from './support/browser.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { OVERLOAD, SHOP } from './support/tuning-fixtures.ts';

/**
 * Tuning end to end (issue 8 "Must show"), in Debian's Chromium against the browser mode: move a slider mid-run
 * and see throttling change on the chart, run the recommender and apply its limits, compare two runs. Every wait
 * is on a DOM condition with its own time limit; nothing sleeps.
 */
const WAIT = { timeout: 20_000 };

interface Line {
  label: string;
  points: Array<{ x: number; y: number }>;
}

let examplesDir: string;
let server: UiServer;
let browser: Browser;
let page: Page;

/** Waits until the `count`th run has ended and is listed: the state alone may still be the previous run's. */
async function finished(count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="run-history"] li').length >= n, count, {
    timeout: 45_000,
  });
  await page.waitForSelector('[data-testid="run-state"][data-state="finished"]', WAIT);
}

/** A chart's lines as drawn, from the hook the charts publish on `window.__gatelabCharts`. */
function chartLines(chart: string): Promise<Line[]> {
  return page.evaluate(
    (id) => (window as unknown as { __gatelabCharts: Record<string, () => Line[]> }).__gatelabCharts[id]!(),
    chart,
  );
}

async function chartLine(chart: string, label: string): Promise<Line> {
  const line = (await chartLines(chart)).find((l) => l.label === label);
  if (!line) throw new Error(`no line "${label}" in chart ${chart}`);
  return line;
}

describe.skipIf(!chromiumAvailable)('tuning in Chromium (browser mode)', () => {
  beforeAll(async () => {
    examplesDir = mkdtempSync(join(tmpdir(), 'gatelab-tuning-examples-'));
    writeFileSync(join(examplesDir, 'shop.gatelab.json'), JSON.stringify(SHOP));
    writeFileSync(join(examplesDir, 'overload.scenario.json'), JSON.stringify(OVERLOAD));
    await ensureRendererBuilt();
    server = await startTestUi(examplesDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.setDefaultTimeout(20_000);
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (examplesDir) rmSync(examplesDir, { recursive: true, force: true });
  }, 30_000);

  it('moves the stage rate slider mid-run: throttling stops from the annotated second on', async () => {
    await page.check('[data-testid="speed-10"]');
    await page.click('[data-testid="run-button"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="chart-rates"]')?.getAttribute('data-points')) >= 30,
      null,
      WAIT,
    );
    expect(await page.inputValue('[data-testid="tune-rate-input"]')).toBe('30');
    // The slider's end (100 req/s), by keyboard as a user would, and the burst field typed.
    await page.focus('[data-testid="tune-rate-range"]');
    await page.keyboard.press('End');
    await page.fill('[data-testid="tune-burst-input"]', '100');
    expect(await page.inputValue('[data-testid="tune-rate-input"]')).toBe('100');
    await page.click('[data-testid="tune-apply"]');
    await page.waitForSelector('[data-testid="change-log"] li', WAIT);
    await page.check('[data-testid="speed-max"]');
    await finished(1);

    const changeText = await page.textContent('[data-testid="change-log"] li');
    expect(changeText).toContain('rate 30 → 100');
    const atSeconds = Number.parseFloat((await page.textContent('[data-testid="change-log"] .change-time')) ?? '');
    expect(atSeconds).toBeGreaterThan(3);
    expect(atSeconds).toBeLessThan(38);
    expect(await page.getAttribute('[data-testid="chart-rates"]', 'data-annotations')).toBe('1');
    const throttled = await chartLine('rates', 'Throttled · stage');
    const before = throttled.points.filter((p) => p.x >= 2 && p.x < Math.floor(atSeconds));
    const after = throttled.points.filter((p) => p.x > Math.ceil(atSeconds));
    expect(before.length).toBeGreaterThan(0);
    for (const p of before) expect(p.y).toBe(60);
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) expect(p.y).toBe(0);
    await page.screenshot({ path: screenshotPath('tuning-hot-apply'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('tuning-hot-apply-dark'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  }, 90_000);

  it('runs the recommender from the UI, applies its limits, and the next run meets the goal', async () => {
    await page.click('[data-testid="tab-recommend"]');
    expect(await page.inputValue('[data-testid="recommend-layer"]')).toBe('stage:shop/prod');
    expect(await page.inputValue('[data-testid="recommend-goal"]')).toBe('throttledRatio<=0.01');
    await page.click('[data-testid="recommend-run"]');
    await page.waitForSelector('[data-testid="recommend-result"]', { timeout: 60_000 });
    const rate = Number.parseFloat((await page.textContent('[data-testid="recommend-rate"]')) ?? '');
    const burst = Number((await page.textContent('[data-testid="recommend-burst"]')) ?? '');
    expect(rate).toBeGreaterThan(80);
    expect(rate).toBeLessThanOrEqual(90);
    expect(burst).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getAttribute('[data-testid="recommend-curve"]', 'data-points'))).toBeGreaterThan(5);
    expect(await page.getAttribute('[data-testid="recommend-curve"]', 'data-annotations')).toBe('1');
    await page.click('[data-testid="recommend-apply"]');
    await page.waitForSelector('[data-testid="recommend-applied"]', WAIT);
    await page.screenshot({ path: screenshotPath('tuning-recommend'), fullPage: true });

    await page.click('[data-testid="tab-dashboard"]');
    await page.check('[data-testid="speed-max"]');
    await page.click('[data-testid="run-button"]');
    await finished(2);
    expect(Number(await page.inputValue('[data-testid="tune-rate-input"]'))).toBe(rate);
    expect(Number(await page.inputValue('[data-testid="tune-burst-input"]'))).toBe(burst);
    const sent = Number(await page.getAttribute('[data-testid="summary-sent"]', 'data-value'));
    const throttled = Number(await page.getAttribute('[data-testid="summary-throttled"]', 'data-value'));
    expect(sent).toBe(3600);
    expect(throttled / sent).toBeLessThanOrEqual(0.01);
  }, 90_000);

  it('compares the two runs from the history, renamed, in a diff table and overlaid charts', async () => {
    await page.click('[data-testid="tab-history"]');
    await page.waitForSelector('[data-testid="history-row"]:nth-child(2)', WAIT);
    const newest = page.locator('[data-testid="history-row"]').first();
    await newest.locator('[data-testid="rename-run"]').click();
    await page.fill('[data-testid="rename-input"]', 'Recommended limits');
    await page.press('[data-testid="rename-input"]', 'Enter');
    await page.waitForSelector('[data-testid="history-name"]:text("Recommended limits")', WAIT);
    await page.locator('[data-testid="history-row"]').nth(1).locator('[data-testid="pick-a"]').click();
    await newest.locator('[data-testid="pick-b"]').click();
    await page.click('[data-testid="compare-picked"]');
    await page.waitForSelector('[data-testid="compare-result"][data-kind="runs"]', WAIT);
    expect(await page.textContent('[data-testid="diff-label-a"]')).toBe('A · Overload');
    expect(await page.textContent('[data-testid="diff-label-b"]')).toBe('B · Recommended limits');
    const row = (name: string) => page.locator(`[data-testid="diff-table"] tr[data-row="${name}"]`);
    expect(Number(await row('sent').getAttribute('data-a'))).toBe(3600);
    expect(Number(await row('sent').getAttribute('data-b'))).toBe(3600);
    const throttledA = Number(await row('throttled by stage').getAttribute('data-a'));
    const throttledB = Number(await row('throttled by stage').getAttribute('data-b'));
    expect(throttledA).toBeGreaterThan(throttledB);
    for (const id of ['throttled', 'accepted', 'p99', 'hits']) {
      const lines = (await chartLines(`compare-${id}`)).map((l) => [l.label, l.points.length] as const);
      expect(lines.map(([label]) => label)).toEqual(['A · Overload', 'B · Recommended limits']);
      expect(lines.every(([, n]) => Number(n) > 30)).toBe(true);
    }
    await page.screenshot({ path: screenshotPath('tuning-compare'), fullPage: true });

    // A what-if of the config as loaded against the one the recommender tuned: the same arrivals on both sides.
    await page.selectOption('[data-testid="what-if-b"]', '#recommended');
    await page.selectOption('[data-testid="what-if-a"]', 'shop.gatelab.json');
    await page.click('[data-testid="run-what-if"]');
    await page.waitForSelector('[data-testid="compare-result"][data-kind="whatIf"]', WAIT);
    const accepted = await chartLines('compare-accepted');
    expect(accepted.map((l) => l.label)).toEqual(['A · Shop (shop.gatelab.json)', 'B · Recommended limits']);
    expect(Number(await row('sent').getAttribute('data-a'))).toBe(Number(await row('sent').getAttribute('data-b')));
  }, 90_000);
});
