import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabEvent, StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { checkLabCall } from '../../../../core/contract/lab-api-schemas.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { formatMoney } from '../../../../core/engine/cost/index.ts';
import { renderSeriesCsv } from '../../../../core/engine/report/index.ts';
import { buildReport } from '../../../../core/engine/run/build-report.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { VirtualRun } from '../../../../core/engine/sim/virtual-run.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import { loadPriceTable } from '../../../../core/node/report/load-prices.ts';
import { EXAMPLES_DIR, example, isEnd, recordEvents, tempDir } from './helpers.ts';

const config = parseConfig(example('petstore.gatelab.json'));
const flashSale = parseScenario(example('flash-sale.scenario.json'));
if (!config.ok || !flashSale.ok) throw new Error('examples must be valid');
const request: StartRunRequest = { config: config.value, scenario: flashSale.value, mode: 'virtual' };

async function runToEnd(host: LabHost, extra: Partial<StartRunRequest> = {}) {
  const log = recordEvents(host);
  const { runId } = await host.startRun({ ...request, ...extra });
  const ended = (await log.next(isEnd(runId))) as Extract<LabEvent, { type: 'run-ended' }>;
  const ticks = log.events.flatMap((e) => (e.type === 'run-tick' ? [e.tick] : []));
  return { runId, ended, ticks };
}

/** The report `gatelab run examples/petstore.gatelab.json --scenario examples/flash-sale.scenario.json` writes. */
async function cliReport(backendCostPerMillion?: number) {
  const prices = await loadPriceTable();
  if (!prices.ok || !config.ok || !flashSale.ok) throw new Error('bad inputs');
  const run = new VirtualRun({ config: config.value, scenario: flashSale.value });
  run.runToEnd();
  return buildReport({
    mode: 'virtual',
    seed: run.seed,
    config: config.value,
    scenario: flashSale.value,
    startedAt: new Date(Date.parse(flashSale.value.startTime)).toISOString(),
    endMs: run.now,
    gateway: run.gateway,
    recorder: run.recorder,
    prices: prices.prices,
    ...(backendCostPerMillion === undefined ? {} : { backendCostPerMillion }),
  });
}

describe('lab host: cost estimates', () => {
  it('prices every report like the CLI: getReport, the run-ended event and the ticks all carry `cost`', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const { runId, ended, ticks } = await runToEnd(host);
    const report = (await host.getReport(runId))!;
    const reference = await cliReport();
    expect(report.cost).not.toBeNull();
    expect(report.cost).toEqual(reference.cost);
    expect(ended.cost).toEqual(reference.cost);
    expect(report.cost!.backendSavings).toBeNull();
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) expect(tick.cost?.currency).toBe('USD');
    const last = ticks.at(-1)!;
    expect(last.cost!.monthlyRequests.total).toBeGreaterThan(0);
    await host.close();
  });

  it('values the calls the cache saves at the backend cost the run was started with', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const { runId, ended } = await runToEnd(host, { backendCostPerMillion: 25 });
    const cost = (await host.getReport(runId))!.cost!;
    expect(cost.backendSavings).toEqual({ perMillion: 25, monthly: expect.any(Number) as number });
    expect(cost.backendSavings!.monthly).toBeCloseTo((cost.cacheSavedCalls / 1e6) * 25, 6);
    expect(cost).toEqual((await cliReport(25)).cost);
    expect(ended.cost).toEqual(cost);
    await host.close();
  });

  it('runs on without estimates when the price table is unreadable, and prices saved runs once it is back', async () => {
    const dataDir = tempDir();
    const badPrices = join(tempDir(), 'prices.json');
    writeFileSync(badPrices, '{"region": "us-east-1"}');
    const warnings: string[] = [];
    const blind = createLabHost({
      examplesDir: EXAMPLES_DIR,
      dataDir,
      pricesFile: badPrices,
      warn: (m) => warnings.push(m),
    });
    const { runId, ended, ticks } = await runToEnd(blind);
    expect(warnings.some((w) => w.startsWith('runs have no cost estimate:') && w.includes(badPrices))).toBe(true);
    expect(ended.cost).toBeNull();
    expect(ticks.every((t) => t.cost === undefined)).toBe(true);
    expect((await blind.getReport(runId))!.cost).toBeNull();
    await blind.close();

    const priced = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    expect((await priced.getReport(runId))!.cost).toEqual((await cliReport()).cost);
    const html = await priced.exportRun(runId, 'report-html');
    expect(html.text).toContain('data-testid="cost-total"');
    await priced.close();
  });
});

describe('lab host: report exports', () => {
  it('exports a self-contained HTML report of the run: its scenario, SVG charts, the cost, no URL', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const { runId } = await runToEnd(host, { name: 'Sale day' });
    const report = (await host.getReport(runId))!;
    const file = await host.exportRun(runId, 'report-html');
    expect(file.mimeType).toBe('text/html');
    expect(file.fileName).toBe(`sale-day-${runId}.report.html`);
    expect(file.text.startsWith('<!doctype html>')).toBe(true);
    expect(file.text).toContain('<title>Gatelab report: Flash sale</title>');
    expect(file.text.match(/<figure class="chart"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(file.text.match(/<svg /g)?.length).toBeGreaterThanOrEqual(6);
    expect(file.text).toContain(formatMoney(report.cost!.total, 'USD'));
    expect(file.text).not.toMatch(/https?:\/\//);
    expect(file.text).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(file.text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src [^"]*none/);
    await host.close();
  });

  it('exports the per-second CSV with a header and one row per second, and the report JSON with its cost', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const { runId } = await runToEnd(host);
    const report = (await host.getReport(runId))!;
    const csv = await host.exportRun(runId, 'series-csv');
    const rows = csv.text.trimEnd().split('\n');
    const header = rows[0]!.split(',');
    // The same columns as `gatelab run --csv`.
    expect(csv.text).toBe(renderSeriesCsv(report));
    expect(header.slice(0, 5)).toEqual(['t', 'offered', 'sent', 'ok', 'throttled']);
    expect(header).toContain('latencyMs.p99');
    expect(header).toContain('account');
    expect(rows).toHaveLength(1 + report.series.length);
    const json = await host.exportRun(runId, 'report-json');
    expect(JSON.parse(json.text)).toEqual(report);
    expect((JSON.parse(json.text) as typeof report).cost?.total).toBe(report.cost!.total);
    await host.close();
  });

  it('accepts the new format and a backend cost over the transports, and refuses bad ones', () => {
    expect(checkLabCall('exportRun', ['run-1', 'report-html']).ok).toBe(true);
    expect(checkLabCall('exportRun', ['run-1', 'report-pdf']).ok).toBe(false);
    const start = (extra: Record<string, unknown>) =>
      checkLabCall('startRun', [{ config: {}, scenario: {}, mode: 'virtual', ...extra }]);
    expect(start({ backendCostPerMillion: 12.5 }).ok).toBe(true);
    expect(start({ backendCostPerMillion: 0 }).ok).toBe(true);
    expect(start({ backendCostPerMillion: -1 })).toMatchObject({ ok: false, error: { code: 'GATELAB_E_BAD_ARGS' } });
    expect(start({ backendCostPerMillion: '5' }).ok).toBe(false);
  });
});
