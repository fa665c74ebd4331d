import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayServer, type GatewayServer } from '../../core/node/server/gateway-server.ts';
import type { LiveRunReport } from '../../core/node/live/live-report.ts';
import { fetchMetrics, KEY, liveConfig, liveConfigJson, liveMix } from '../core/node/live/live-fixtures.ts';
import { runCli, tempFolder, writeInput } from './helpers.ts';

const servers: GatewayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function inputs(phases: unknown[]): { config: string; scenario: string; folder: string } {
  const folder = tempFolder();
  const config = writeInput(folder, 'shop.gatelab.json', liveConfigJson);
  const scenario = writeInput(folder, 'live.scenario.json', {
    formatVersion: 1,
    name: 'Live CLI',
    target: { apiId: 'shop', stage: 'prod' },
    seed: 5,
    phases,
    mix: liveMix,
    clients: [{ name: 'alice', apiKey: KEY }],
  });
  return { config, scenario, folder };
}

/** A port nothing listens on: bound once by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('gatelab run --mode live', () => {
  it(
    'sends to a separately started gatelab serve with --target and agrees with its metrics',
    { timeout: 20_000 },
    async () => {
      const server = await startGatewayServer({ config: liveConfig(), port: 0 });
      servers.push(server);
      const { config, scenario, folder } = inputs([{ durationSeconds: 1.5, rate: 100 }]);
      const reportFile = join(folder, 'report.json');
      const requestsFile = join(folder, 'requests.ndjson');
      const args = ['--mode', 'live', '--target', server.url, '--report', reportFile, '--requests-out', requestsFile];
      const run = await runCli('run', config, '--scenario', scenario, ...args, '--assert', 'sent==150');
      expect(run.err.filter((line) => line.includes('different config'))).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.out[0]).toMatch(new RegExp(`^Live CLI · live against ${server.url} · seed 5 · `));
      expect(run.out.join('\n')).toMatch(/rate\/s {2}intended [\d.]+ · achieved [\d.]+/);
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as LiveRunReport;
      expect(report.live.target).toBe(server.url);
      const metrics = await fetchMetrics(server.url);
      expect(metrics.stages[0]!.metrics.Count).toBe(report.totals.sent);
      expect(report.totals.throttledBy.usagePlan).toBe(metrics.stages[0]!.metrics.ThrottleCount.usagePlan);
      expect(Object.keys(report.buckets)).toContain('usagePlan:basic:alice');
      const lines = readFileSync(requestsFile, 'utf8').trim().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual(
        Array.from({ length: 150 }, (_, i) => i + 1),
      );
    },
  );

  it('exits 3 with one clear line when --target is unreachable', async () => {
    const { config, scenario } = inputs([{ durationSeconds: 1, rate: 10 }]);
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli('run', config, '--scenario', scenario, '--mode', 'live', '--target', url);
    expect(run.code).toBe(3);
    expect(run.err).toEqual([
      `gatelab run: cannot reach --target ${url}: ECONNREFUSED; is \`gatelab serve\` running there?`,
    ]);
  });

  it('exits 2 for a --target in a virtual run or one that is not a URL', async () => {
    const { config, scenario } = inputs([{ durationSeconds: 1, rate: 10 }]);
    const virtual = await runCli(
      'run',
      config,
      '--scenario',
      scenario,
      '--mode',
      'virtual',
      '--target',
      'http://127.0.0.1:1',
    );
    expect(virtual.code).toBe(2);
    expect(virtual.err).toEqual(['--target: only with --mode live (a virtual run has no server to send to)']);
    const bad = await runCli('run', config, '--scenario', scenario, '--mode', 'live', '--target', 'localhost');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^--target: expected the URL of a running gatelab serve/);
  });

  it(
    'runs its own gateway without --target and keeps virtual reports free of the live section',
    { timeout: 20_000 },
    async () => {
      const { config, scenario, folder } = inputs([{ durationSeconds: 1, rate: 50 }]);
      const live = join(folder, 'live.json');
      const virtual = join(folder, 'virtual.json');
      expect((await runCli('run', config, '--scenario', scenario, '--mode', 'live', '--report', live)).code).toBe(0);
      expect((await runCli('run', config, '--scenario', scenario, '--report', virtual)).code).toBe(0);
      const liveReport = JSON.parse(readFileSync(live, 'utf8')) as LiveRunReport;
      const virtualReport = JSON.parse(readFileSync(virtual, 'utf8')) as Record<string, unknown>;
      expect(liveReport.live.target).toBeNull();
      expect(liveReport.totals.sent).toBe(50);
      expect('live' in virtualReport).toBe(false);
      expect(Object.keys(virtualReport).at(-1)).toBe('checks');
    },
  );
});
