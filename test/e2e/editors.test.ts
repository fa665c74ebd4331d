import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiServer } from '../../core/node/ui-server/ui-server.ts';
import { chromiumAvailable, launchChromium, screenshotPath, startTestUi } from './support/browser.ts';
import { ensureRendererBuilt, ROOT } from './support/renderer-build.ts';

/**
 * The editors end to end, in Debian's Chromium against the browser mode: edit limits, deploy and promote, run and
 * see the effect, export the tested config and check it with `gatelab validate`, import a broken config, reload
 * and find the draft. Each step waits on a DOM condition with its own time limit; nothing sleeps.
 */
const WAIT = { timeout: 20_000 };
const GATELAB = join(ROOT, 'bin/gatelab.mjs');

let server: UiServer;
let browser: Browser;
let page: Page;
let work: string;
let throttledBefore: number;
const pageErrors: string[] = [];

const field = (path: Array<string | number>) => `[data-path='${JSON.stringify(path)}']`;
const STAGE = ['apis', 0, 'stages', 0];
const STAR_RATE = field([...STAGE, 'methodSettings', '*/*', 'throttlingRateLimit']);
const ID_RATE = field([...STAGE, 'methodSettings', 'GET /pets/{id}', 'throttlingRateLimit']);
const ID_BURST = field([...STAGE, 'methodSettings', 'GET /pets/{id}', 'throttlingBurstLimit']);
const LIST_RATE = field([...STAGE, 'methodSettings', 'GET /pets', 'throttlingRateLimit']);

async function gatelab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [GATELAB, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function show(view: 'dashboard' | 'editor') {
  await page.click(`[data-testid="tab-${view}"]`);
  await page.waitForSelector(view === 'editor' ? '[data-testid="editor"]' : '[data-testid="run-button"]', WAIT);
}

async function section(id: string) {
  await page.click(`[data-testid="config-section-${id}"]`);
  await page.waitForSelector(`[data-testid="config-panel-${id}"]`, WAIT);
}

const validated = () => page.waitForSelector('[data-testid="editor-validation"][data-state="valid"]', WAIT);
const notice = async (text: string) =>
  page.waitForFunction(
    (expected) => document.querySelector('[data-testid="editor-notice"]')?.textContent?.includes(expected) ?? false,
    text,
    WAIT,
  );

/** Runs the selected scenario at max speed and returns the throttled count once the history has `runs` runs. */
async function runToEnd(runs: number): Promise<number> {
  await show('dashboard');
  await page.check('[data-testid="speed-max"]');
  await page.click('[data-testid="run-button"]');
  await page.waitForSelector(`[data-testid="run-history"] li:nth-child(${runs})`, { timeout: 45_000 });
  await page.waitForSelector('[data-testid="run-state"][data-state="finished"]', WAIT);
  return Number(await page.getAttribute('[data-testid="summary-throttled"]', 'data-value'));
}

describe.skipIf(!chromiumAvailable)('editors in Chromium (browser mode)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gatelab-editors-'));
    await ensureRendererBuilt();
    server = await startTestUi();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('loads the pet-store example into the config editor', async () => {
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
    await page.selectOption('[data-testid="scenario-select"]', 'flash-sale.scenario.json');
    await show('editor');
    expect(await page.textContent('[data-testid="editor-doc-name"]')).toContain('petstore.gatelab.json');
    await validated();
    expect(await page.inputValue(field(['apis', 0, 'id']))).toBe('petstore');
    expect(await page.locator('[data-testid^="route-"]').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('editor-config-api'), fullPage: true });
  }, 40_000);

  it('runs the flash sale once before any edit', async () => {
    throttledBefore = await runToEnd(1);
    expect(throttledBefore).toBeGreaterThan(0);
  }, 60_000);

  it('changes the stage throttle and a per-method override, showing what each field inherits', async () => {
    await show('editor');
    await section('stages');
    await page.selectOption('[data-testid="override-select"]', 'GET /pets');
    await page.click('[data-testid="add-override"]');
    expect(await page.getAttribute(LIST_RATE, 'placeholder')).toBe('inherits 100 from */*');
    expect(await page.getAttribute(STAR_RATE, 'placeholder')).toBe('account: 10000');
    await page.fill(STAR_RATE, '40');
    await page.waitForFunction(
      (s) => document.querySelector(s)?.getAttribute('placeholder') === 'inherits 40 from */*',
      LIST_RATE,
      WAIT,
    );
    await page.fill(ID_RATE, '10');
    await page.fill(ID_BURST, '20');
    await validated();
    await page.screenshot({ path: screenshotPath('editor-stage'), fullPage: true });
  }, 40_000);

  it('deploys the working routes and promotes a canary onto the new deployment', async () => {
    await section('deployments');
    await page.fill('[data-testid="deploy-description"]', 'v3: tighter limits');
    await page.click('[data-testid="deploy-button"]');
    await notice('Deployed d3.');
    await page.waitForSelector('[data-testid="deployment-d3"]', WAIT);
    expect(await page.textContent('[data-testid="deployment-d3"]')).toContain('v3: tighter limits');
    await section('stages');
    await page.selectOption('[data-testid="canary-deployment"]', 'd3');
    await page.click('[data-testid="promote-canary"]');
    await notice('Promoted the canary of stage prod.');
    expect(await page.inputValue('[data-testid="stage-deployment"]')).toBe('d3');
    expect(await page.inputValue('[data-testid="canary-percent"]')).toBe('0');
    await validated();
  }, 40_000);

  it('runs again and the charts show the tighter limits', async () => {
    const after = await runToEnd(2);
    expect(after).toBeGreaterThan(throttledBefore);
    expect(Number(await page.getAttribute('[data-testid="chart-rates"]', 'data-points'))).toBeGreaterThan(0);
  }, 60_000);

  it('exports the tested config, which `gatelab validate` accepts', async () => {
    await show('editor');
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.click('[data-testid="export-tested"]'),
    ]);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    expect(file).toMatch(/\.tested\.gatelab\.json$/);
    const tested = JSON.parse(readFileSync(file, 'utf8'));
    expect(tested.tested).toMatchObject({ scenario: 'Flash sale', mode: 'virtual', seed: 42 });
    expect(tested.apis[0].stages[0]).toMatchObject({
      deploymentId: 'd3',
      methodSettings: { '*/*': { throttlingRateLimit: 40 } },
    });
    const result = await gatelab('validate', file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('valid gatelab config');
  }, 40_000);

  it('edits the scenario with a live preview of the offered rate, and undoes with the keyboard', async () => {
    await page.click('[data-testid="editor-kind-scenario"]');
    await page.waitForSelector('[data-testid="phases"]', WAIT);
    expect(await page.textContent('[data-testid="editor-doc-name"]')).toContain('flash-sale.scenario.json');
    const points = () => page.getAttribute('[data-testid="rate-preview"]', 'data-points');
    expect(await points()).toBe('8');
    await page.click('[data-testid="add-phase"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="rate-preview"]')?.getAttribute('data-points') === '10',
      null,
      WAIT,
    );
    const rate = field(['phases', 4, 'rate']);
    await page.fill(rate, '500');
    await page.keyboard.press('Control+z');
    expect(await page.inputValue(rate)).toBe('10');
    await page.keyboard.press('Control+Shift+z');
    expect(await page.inputValue(rate)).toBe('500');
    expect(await page.textContent('[data-testid="phase-summary"]')).toContain('peak 2000 req/s');
    await validated();
    await page.screenshot({ path: screenshotPath('editor-scenario'), fullPage: true });
  }, 40_000);

  it('finds the draft restored after a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-app-state="ready"]', WAIT);
    await page.waitForSelector('[data-testid="draft-restored"]', WAIT);
    const text = await page.textContent('[data-testid="draft-restored"]');
    expect(text).toContain('petstore.gatelab.json');
    expect(text).toContain('flash-sale.scenario.json');
    await section('stages');
    expect(await page.inputValue(STAR_RATE)).toBe('40');
    expect(await page.inputValue('[data-testid="stage-deployment"]')).toBe('d3');
    await section('plans');
    await validated();
    await page.screenshot({ path: screenshotPath('editor-usage-plans'), fullPage: true });
  }, 40_000);

  it('imports a broken config and shows each error at its field, as `gatelab validate` words it', async () => {
    const broken = JSON.parse(readFileSync(join(ROOT, 'examples/petstore.gatelab.json'), 'utf8'));
    broken.apis[0].stages[0].methodSettings['*/*'].throttlingRateLimit = 'fast';
    broken.apiKeys[0].value = 'short';
    const file = join(work, 'broken.gatelab.json');
    writeFileSync(file, JSON.stringify(broken, null, 2));
    const cli = await gatelab('validate', file);
    expect(cli.code).toBe(2);
    const messages = cli.stderr
      .trim()
      .split('\n')
      .map((line) => line.slice(`${file}: `.length));
    expect(messages).toHaveLength(2);

    await page.setInputFiles('[data-testid="upload-document"]', file);
    await notice('Opened broken.gatelab.json: 2 errors, shown at their fields.');
    await page.waitForSelector('[data-testid="editor-validation"][data-state="invalid"]', WAIT);
    expect(await page.textContent('[data-testid="editor-doc-name"]')).toContain('broken.gatelab.json');
    const listed = await page.$$eval('[data-testid="editor-problems"] .problem-error', (items) =>
      items.map((li) => `${li.querySelector('code')?.textContent}: ${li.querySelector('span')?.textContent}`),
    );
    expect(listed).toEqual(messages);

    await section('stages');
    expect(await page.getAttribute(STAR_RATE, 'aria-invalid')).toBe('true');
    expect(await page.inputValue(STAR_RATE)).toBe('fast');
    const atRate = await page.textContent(`${STAR_RATE} ~ .ed-problems [data-testid="field-error"]`);
    expect(messages[0]).toBe(`apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit: ${atRate}`);
    await section('keys');
    const keyValue = field(['apiKeys', 0, 'value']);
    expect(await page.getAttribute(keyValue, 'aria-invalid')).toBe('true');
    expect(messages[1]).toBe(
      `apiKeys[0].value: ${await page.textContent(`${keyValue} ~ .ed-problems [data-testid="field-error"]`)}`,
    );

    await section('raw');
    await page.fill('[data-testid="raw-json-text"]', '{ "formatVersion": 1, "apis": [ }');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="raw-json-problems"]')
          ?.textContent?.includes('malformed JSON at line 1, column 33'),
      null,
      WAIT,
    );
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="editor-validation"][data-state="invalid"]', WAIT);
    expect(await page.textContent('[data-testid="raw-json-problems"]')).toContain('got "fast"');
    await page.screenshot({ path: screenshotPath('editor-raw-json'), fullPage: true });
  }, 40_000);

  it('discards the draft: the example comes back as it loaded', async () => {
    await page.click('[data-testid="tab-dashboard"]');
    await page.reload();
    await page.waitForSelector('[data-testid="draft-restored"]', WAIT);
    await page.click('[data-testid="discard-draft"]');
    await page.selectOption('[data-testid="config-select"]', 'petstore.gatelab.json');
    await section('stages');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLInputElement | null)?.value === '100',
      STAR_RATE,
      WAIT,
    );
    expect(await page.evaluate(() => localStorage.getItem('gatelab.editor.draft'))).toBeNull();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('editor-stage-dark') });
    expect(pageErrors).toEqual([]);
  }, 40_000);
});
