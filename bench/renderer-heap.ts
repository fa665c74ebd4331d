/**
 * The renderer's memory and chart cost over a long run: JS heap (after a forced GC) before and after a
 * 30-minute virtual run at max speed in Chromium, the peak while it runs, and the ms each in-place chart
 * update takes (recorded by the chart adapter on `window.__gatelabPerf`). Target: heap growth under 20 MB.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import type { ChartPerf } from '../renderer/charts/chart-perf.ts';
import { launchChromium, startTestUi } from '../test/e2e/support/browser.ts';
import { ensureRendererBuilt, ROOT } from '../test/e2e/support/renderer-build.ts';
import { printTable } from './bench-format.ts';

const SCENARIO = 'half-hour.scenario.json';
const DURATION_S = 1800;
const RATE = 3000;
const HEAP_TARGET_MB = 20;

/** A 30-minute pet-store scenario with throttling, quota and cache all in play. */
function examplesWithLongRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-bench-examples-'));
  copyFileSync(join(ROOT, 'examples/petstore.gatelab.json'), join(dir, 'petstore.gatelab.json'));
  const scenario = {
    formatVersion: 1,
    name: 'Half hour',
    target: { apiId: 'petstore', stage: 'prod' },
    startTime: '2026-03-10T10:00:00Z',
    seed: 1,
    arrivals: 'poisson',
    phases: [{ durationSeconds: DURATION_S, rate: RATE }],
    mix: [
      { weight: 80, method: 'GET', path: '/pets/{id}', params: { id: { zipf: { n: 1000, s: 1.1 } } } },
      { weight: 20, method: 'POST', path: '/pets', body: '{"name":"rex"}' },
    ],
    clients: [
      { name: 'alice', apiKey: 'alice-0123456789abcdef', share: 10 },
      { name: 'bob', apiKey: 'bob-0123456789abcdefgh', share: 60 },
      { name: 'carol', apiKey: 'carol-0123456789abcdef', share: 30 },
    ],
  };
  writeFileSync(join(dir, SCENARIO), JSON.stringify(scenario));
  return dir;
}

async function heapMb(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

async function runToEnd(page: Page): Promise<void> {
  await page.click('[data-testid="run-button"]');
  await page.waitForSelector('[data-testid="run-state"][data-state="running"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="run-state"][data-state="finished"]', { timeout: 600_000 });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Runs the benchmark and prints its figures; returns them for callers that check the target. */
export async function benchRendererHeap(): Promise<{ growthMb: number; meanUpdateMs: number }> {
  await ensureRendererBuilt();
  const examples = examplesWithLongRun();
  const server = await startTestUi(examples);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(server.url);
    await page.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
    await page.selectOption('[data-testid="scenario-select"]', SCENARIO);
    await page.check('[data-testid="speed-max"]');
    const before = await heapMb(cdp, true);

    let peak = before;
    const sampling = setInterval(() => {
      heapMb(cdp, false).then(
        (mb) => (peak = Math.max(peak, mb)),
        () => undefined,
      );
    }, 250);
    const started = performance.now();
    await runToEnd(page);
    const wallS = (performance.now() - started) / 1000;
    const after = await heapMb(cdp, true);
    const points = await page.getAttribute('[data-testid="chart-rates"]', 'data-points');
    const perf = (await page.evaluate(() => window.__gatelabPerf ?? null)) as ChartPerf | null;
    // A second run of the same scenario shows whether anything of the first one is kept.
    await runToEnd(page);
    clearInterval(sampling);
    const afterSecond = await heapMb(cdp, true);

    const sorted = [...(perf?.recentMs ?? [])].sort((a, b) => a - b);
    const mean = perf && perf.updates > 0 ? perf.totalMs / perf.updates : 0;
    const growth = after - before;
    printTable(`Renderer heap over a ${DURATION_S / 60}-minute virtual run at ${RATE} rps (max speed)`, [
      ['figure', 'value', 'target'],
      ['run wall time', `${wallS.toFixed(1)} s`, ''],
      ['JS heap before (after GC)', `${before.toFixed(1)} MB`, ''],
      ['JS heap peak while running', `${peak.toFixed(1)} MB`, ''],
      ['JS heap after (after GC)', `${after.toFixed(1)} MB`, ''],
      ['heap growth', `${growth.toFixed(1)} MB`, `< ${HEAP_TARGET_MB} MB`],
      ['JS heap after a second run (after GC)', `${afterSecond.toFixed(1)} MB`, `≈ ${after.toFixed(1)} MB`],
      ['rates chart points held', points ?? '?', ''],
      ['chart updates', String(perf?.updates ?? 0), ''],
      ['ms per chart update (mean)', mean.toFixed(2), ''],
      ['ms per chart update (p95, last 500)', percentile(sorted, 0.95).toFixed(2), ''],
      ['ms per chart update (max)', (perf?.maxMs ?? 0).toFixed(2), ''],
    ]);
    return { growthMb: growth, meanUpdateMs: mean };
  } finally {
    await browser.close();
    await server.close();
    rmSync(examples, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchRendererHeap();
}
