import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StartRunRequest } from '../../../../core/contract/lab-api.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { createLabHost, type LabHost } from '../../../../core/node/lab/lab-host.ts';
import { EXAMPLES_DIR, example, isEnd, recordEvents, tempDir } from './helpers.ts';

const config = parseConfig(example('petstore.gatelab.json'));
const steady = parseScenario(example('steady.scenario.json'));
if (!config.ok || !steady.ok) throw new Error('examples must be valid');
const request: StartRunRequest = { config: config.value, scenario: steady.value, mode: 'virtual', seed: 3 };

async function runToEnd(host: LabHost, name?: string): Promise<string> {
  const log = recordEvents(host);
  const { runId } = await host.startRun(name === undefined ? request : { ...request, name });
  await log.next(isEnd(runId));
  return runId;
}

describe('lab host: run history', () => {
  it('saves each run atomically under runs/ and lists them newest first after a restart', async () => {
    const dataDir = tempDir();
    const first = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    const a = await runToEnd(first, 'first');
    const b = await runToEnd(first, 'second');
    await first.close();

    const files = readdirSync(join(dataDir, 'runs'));
    expect(files.sort()).toEqual([`${a}.json`, `${b}.json`].sort());
    const saved = JSON.parse(readFileSync(join(dataDir, 'runs', `${a}.json`), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ formatVersion: 1, mode: 'virtual', seed: 3, lab: { runId: a, name: 'first' } });

    const second = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    const runs = await second.listRuns();
    expect(runs.map((r) => [r.runId, r.name, r.state])).toEqual([
      [b, 'second', 'finished'],
      [a, 'first', 'finished'],
    ]);
    const report = await second.getReport(a);
    expect(report?.seed).toBe(3);
    expect(report).not.toHaveProperty('lab');
    expect(await second.getReport('no-such-run')).toBeNull();
    await second.close();
  });

  it('skips a corrupt history file with a warning and keeps the others', async () => {
    const dataDir = tempDir();
    const first = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    const kept = await runToEnd(first);
    await first.close();
    writeFileSync(join(dataDir, 'runs', 'broken.json'), '{"formatVersion": 1, "tot');
    writeFileSync(join(dataDir, 'runs', 'other.json'), '{"hello": "world"}');

    const warn = vi.fn();
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir, warn });
    expect((await host.listRuns()).map((r) => r.runId)).toEqual([kept]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([m]) => String(m)).join('\n')).toMatch(/broken\.json[\s\S]*other\.json: not a Gatelab/);
    await host.close();
  });
});

describe('lab host: reports saved by `gatelab run --runs-dir`', () => {
  it('lists them too, named after their scenario', async () => {
    const dataDir = tempDir();
    const first = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    const runId = await runToEnd(first, 'from the app');
    const { text } = await first.exportRun(runId, 'report-json');
    await first.close();
    writeFileSync(join(dataDir, 'runs', '2026-01-01T00-00-00-000Z-steady-60-rps-virtual-seed3.json'), text);

    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir });
    const cli = (await host.listRuns()).find((r) => r.runId !== runId);
    expect(cli).toMatchObject({ name: 'Steady 60 rps', state: 'finished', seed: 3, savedAt: expect.any(String) });
    expect((await host.getReport(cli!.runId))?.totals).toEqual(JSON.parse(text).totals);
    await host.close();
  });
});

describe('lab host: exports', () => {
  it('exports the report, a per-second CSV, the config and a tested config that passes parseConfig', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    const runId = await runToEnd(host);
    const report = (await host.getReport(runId))!;

    const json = await host.exportRun(runId, 'report-json');
    expect(json.mimeType).toBe('application/json');
    expect(JSON.parse(json.text)).toEqual(report);

    const csv = await host.exportRun(runId, 'series-csv');
    expect(csv).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/\.series\.csv$/) });
    const rows = csv.text.trimEnd().split('\n');
    const header = rows[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['t', 'offered', 'sent', 'ok']);
    expect(header).toContain('account');
    expect(header).toContain('stage:petstore/prod:GET /pets/{id}');
    expect(rows).toHaveLength(1 + report.series.length);
    const second10 = rows[11]!.split(',');
    expect(second10[0]).toBe('10');
    expect(Number(second10[header.indexOf('sent')])).toBe(report.series[10]!.sent);
    expect(Number(second10[header.indexOf('account')])).toBeCloseTo(report.series[10]!.buckets.account!, 5);

    const plain = await host.exportRun(runId, 'config-json');
    expect(parseConfig(JSON.parse(plain.text)).ok).toBe(true);
    const tested = await host.exportRun(runId, 'tested-config-json');
    expect(tested.fileName).toBe('pet-store.tested.gatelab.json');
    const parsed = parseConfig(JSON.parse(tested.text));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.tested).toMatchObject({
      scenario: 'Steady 60 rps',
      mode: 'virtual',
      seed: 3,
      totals: { sent: report.totals.sent, ok: report.totals.ok },
    });

    await expect(host.exportRun('nope', 'report-json')).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
    await host.close();
  });
});
