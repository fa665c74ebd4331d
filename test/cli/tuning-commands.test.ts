import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/engine/config/parse-config.ts';
import { runCli, tempFolder, writeInput } from './helpers.ts';

const shop = (rate: number, burst: number) => ({
  formatVersion: 1,
  apis: [
    {
      id: 'shop',
      routes: [{ method: 'GET', path: '/items/{id}' }],
      stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: rate, throttlingBurstLimit: burst } } }],
    },
  ],
});

const uniform = {
  formatVersion: 1,
  name: 'Uniform 40',
  target: { apiId: 'shop', stage: 'prod' },
  phases: [{ durationSeconds: 60, rate: 40 }],
  mix: [{ method: 'GET', path: '/items/1' }],
};

describe('gatelab compare', () => {
  it('prints A beside B on identical arrivals and writes the diff report', async () => {
    const folder = tempFolder();
    const a = writeInput(folder, 'a.gatelab.json', shop(10, 5));
    const b = writeInput(folder, 'b.gatelab.json', shop(40, 5));
    const scenario = writeInput(folder, 'u.scenario.json', uniform);
    const report = join(folder, 'diff.json');
    const run = await runCli('compare', a, b, '--scenario', scenario, '--report', report);
    expect(run.code).toBe(0);
    const text = run.out.join('\n');
    expect(text).toMatch(/^Uniform 40 · virtual · seed 1 · identical arrivals on both sides/);
    expect(text).toMatch(/sent\s+2,400\s+2,400\s+=/);
    expect(text).toMatch(/throttled\s+74\.83%\s+0\.00%\s+−74\.83 pp/);
    const diff = JSON.parse(readFileSync(report, 'utf8'));
    expect(diff.rows.find((r: { name: string }) => r.name === 'throttled').b).toBe(0);
    expect(diff.reports.a.totals.sent).toBe(2400);
  });

  it('exits 2 when an input is bad', async () => {
    const folder = tempFolder();
    const a = writeInput(folder, 'a.gatelab.json', shop(10, 5));
    const run = await runCli(
      'compare',
      a,
      join(folder, 'missing.gatelab.json'),
      '--scenario',
      writeInput(folder, 'u.scenario.json', uniform),
    );
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`${join(folder, 'missing.gatelab.json')}: no such file`]);
  });
});

describe('gatelab recommend', () => {
  it('prints the smallest limits for the target stage and writes the tuned config', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'shop.gatelab.json', shop(10, 5));
    const scenario = writeInput(folder, 'u.scenario.json', uniform);
    const out = join(folder, 'tuned.gatelab.json');
    const run = await runCli('recommend', config, '--scenario', scenario, '--goal', 'throttled==0', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out[0]).toContain('layer stage prod (all methods, "*/*") · now rate 10 rps, burst 5');
    expect(run.out[0]).toContain('✓ smallest limits meeting throttled==0: rate 40 rps, burst 1 (goal value 0)');
    const tuned = parseConfig(JSON.parse(readFileSync(out, 'utf8')));
    expect(tuned.ok && tuned.value.apis[0]!.stages[0]!.methodSettings!['*/*']).toEqual({
      throttlingRateLimit: 40,
      throttlingBurstLimit: 1,
    });
  });

  it('exits 2 for a bad goal or layer, and 1 when the goal is out of reach', async () => {
    const folder = tempFolder();
    const config = writeInput(folder, 'shop.gatelab.json', {
      ...shop(10, 5),
      account: { throttlingRateLimit: 5, throttlingBurstLimit: 5 },
    });
    const scenario = writeInput(folder, 'u.scenario.json', uniform);
    const bad = await runCli('recommend', config, '--scenario', scenario, '--goal', 'speed<1', '--layer', 'nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^--goal "speed<1": unknown name "speed"/);
    expect(bad.err[1]).toMatch(/^--layer: expected account, stage:STAGE/);
    const unreachable = await runCli('recommend', config, '--scenario', scenario, '--goal', 'throttled==0');
    expect(unreachable.code).toBe(1);
    expect(unreachable.out[0]).toMatch(/✗ even \d+ rps at this layer doesn't meet throttled==0/);
  });
});
