import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder, writeInput } from './helpers.ts';

const PETSTORE = 'examples/petstore.gatelab.json';
const FLASH_SALE = 'examples/flash-sale.scenario.json';

const shop = {
  formatVersion: 1,
  apis: [
    {
      id: 'shop',
      routes: [
        { method: 'GET', path: '/items/{id}', integration: { type: 'MOCK', body: 'item ${method.request.path.id}' } },
      ],
      stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 5 } } }],
    },
  ],
};

const steady = {
  formatVersion: 1,
  name: 'Steady',
  target: { apiId: 'shop', stage: 'prod' },
  phases: [{ durationSeconds: 10, rate: 20 }],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { sequence: {} } } }],
};

describe('gatelab run', () => {
  it('simulates the README example, prints progress lines and a summary, and passes its assertions', async () => {
    const run = await runCli(
      'run',
      PETSTORE,
      '--scenario',
      FLASH_SALE,
      '--assert',
      'sent>1000',
      '--assert',
      'p99<1000',
    );
    expect(run.code).toBe(0);
    const progress = run.err.filter((line) => line.startsWith('progress '));
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toMatch(/^progress 100%: 60\.0\/60\.0 s simulated · [\d,]+ requests$/);
    const summary = run.out.join('\n');
    expect(summary).toMatch(/^Flash sale · virtual · seed 42 · 60\.0 s simulated in [\d.]+ s/);
    expect(summary).toContain('throttled (429)');
    expect(summary).toMatch(/✓ sent>1000 \(observed \d+\)/);
  });

  it('exits 1 naming the observed value when an assertion fails', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'shop.gatelab.json', shop);
    const scenario = writeInput(folder, 'steady.scenario.json', steady);
    const run = await runCli(
      'run',
      config,
      '--scenario',
      scenario,
      '--assert',
      'throttledRatio<0.1',
      '--assert',
      'ok==104',
    );
    expect(run.code).toBe(1);
    const lines = run.out.join('\n').split('\n');
    expect(lines).toContain('✗ throttledRatio<0.1 (observed 0.48)');
    expect(lines).toContain('✓ ok==104 (observed 104)');
  });

  it('writes byte-identical reports for the same seed, and NDJSON lines in arrival order', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'shop.gatelab.json', shop);
    const scenario = writeInput(folder, 'steady.scenario.json', { ...steady, arrivals: 'poisson', seed: 3 });
    const [a, b] = [join(folder, 'a.json'), join(folder, 'b.json')];
    const lines = join(folder, 'requests.ndjson');
    expect((await runCli('run', config, '--scenario', scenario, '--report', a, '--requests-out', lines)).code).toBe(0);
    expect((await runCli('run', config, '--scenario', scenario, '--report', b)).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const report = JSON.parse(readFileSync(a, 'utf8'));
    expect(report.formatVersion).toBe(1);
    expect(report.mode).toBe('virtual');
    expect(report.startedAt).toBe('2026-01-01T00:00:00.000Z');
    const records = readFileSync(lines, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(report.totals.sent);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records[0]).toEqual({
      seq: 1,
      t: records[0].t,
      client: null,
      method: 'GET',
      path: '/prod/items/1',
      status: 200,
      body: 'item 1',
      cache: null,
      throttledBy: null,
      integrationCalled: true,
      latencyMs: 0,
      attempt: 1,
    });
    const seeded = join(folder, 'c.json');
    await runCli('run', config, '--scenario', scenario, '--report', seeded, '--seed', '4');
    expect(readFileSync(seeded, 'utf8')).not.toBe(readFileSync(a, 'utf8'));
  });

  it('exits 2 with every problem listed: a bad config, a bad target, an unknown assertion name, a bad seed', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'bad.gatelab.json', {
      formatVersion: 1,
      apis: [{ id: 'shop', protocol: 'SOAP' }],
    });
    const good = writeInput(folder, 'shop.gatelab.json', shop);
    const scenario = writeInput(folder, 'steady.scenario.json', {
      ...steady,
      target: { apiId: 'nope', stage: 'prod' },
    });
    const bad = await runCli('run', config, '--scenario', scenario);
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([`${config}: apis[0].protocol: expected one of "REST", "HTTP", got "SOAP"`]);
    const wrong = await runCli('run', good, '--scenario', scenario, '--assert', 'speed<1', '--seed', 'x');
    expect(wrong.code).toBe(2);
    expect(wrong.err[0]).toBe(`${scenario}: target.apiId: no API "nope" in the config (APIs: shop)`);
    expect(wrong.err[1]).toMatch(/^--assert "speed<1": unknown name "speed"/);
    expect(wrong.err[2]).toBe('--seed: expected an integer from 0 to 4294967295, got "x"');
    expect(wrong.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing scenario file without a stack trace', async () => {
    const run = await runCli('run', PETSTORE, '--scenario', 'nowhere.scenario.json');
    expect(run.code).toBe(2);
    expect(run.err).toEqual(['nowhere.scenario.json: no such file']);
  });
});

describe('gatelab run over a month', () => {
  it('writes a small report for a sparse month-long trace', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'shop.gatelab.json', shop);
    const month = writeInput(folder, 'month.scenario.json', {
      formatVersion: 1,
      name: 'Month',
      target: { apiId: 'shop', stage: 'prod' },
      trace: [
        { at: 0, count: 2, path: '/prod/items/1' },
        { at: 2_678_400_000, count: 2, path: '/prod/items/2' },
      ],
    });
    const report = join(folder, 'month.json');
    const html = join(folder, 'month.html');
    const run = await runCli('run', config, '--scenario', month, '--report', report, '--html', html);
    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.series.map((p: { t: number }) => p.t)).toEqual([0, 2_678_400]);
    expect(written.durationSeconds).toBeGreaterThanOrEqual(2_678_400);
    expect(readFileSync(report, 'utf8').length).toBeLessThan(200_000);
    expect(readFileSync(html, 'utf8')).toContain('<svg');
  });
});
