import { describe, expect, it } from 'vitest';
import type { RequestLine } from '../../../../core/engine/sim/request-line.ts';
import { runLive } from '../../../../core/node/live/live-run.ts';
import type { MetricsBody } from '../../../../core/node/server/metrics-shape.ts';
import { expectConsistent, fetchMetrics, liveConfig, liveScenario } from './live-fixtures.ts';

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('runLive against its in-process gateway', () => {
  it('paces an open loop and reports what the gateway counted', { timeout: 20_000 }, async () => {
    const scenario = liveScenario({ phases: [{ durationSeconds: 2, rate: 200 }] });
    let metrics: MetricsBody | null = null;
    const lines: RequestLine[] = [];
    const report = await runLive({
      config: liveConfig(),
      scenario,
      onLine: (line) => lines.push(line),
      beforeClose: async (url) => void (metrics = await fetchMetrics(url)),
      drainMs: 5000,
    });
    expect(report.mode).toBe('live');
    expect(report.totals.sent).toBe(400);
    expectConsistent(report, metrics!);
    const t = report.totals;
    expect(t.throttledBy.usagePlan).toBeGreaterThan(0);
    expect(t.throttledBy.stage).toBeGreaterThan(0);
    expect(t.cacheHits).toBeGreaterThan(0);
    expect(t.notFound).toBeGreaterThan(0);
    expect(new Set(report.byRoute.map((r) => r.routeKey))).toEqual(new Set([null, 'GET /items/{id}', 'POST /orders']));
    expect(report.live.loadModel).toBe('open');
    expect(sum(report.live.series.map((p) => p.intendedRate ?? 0))).toBe(400);
    expect(sum(report.live.series.map((p) => p.achievedRate))).toBe(400);
    expect(report.series.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(report.series[0]!.buckets)).toContain('usagePlan:basic:alice');
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
  });

  it(
    'runs a concurrency scenario on autocannon and reports what the gateway counted',
    { timeout: 20_000 },
    async () => {
      const scenario = liveScenario({ concurrency: { connections: 4, durationSeconds: 2, maxRequests: 600 } });
      let metrics: MetricsBody | null = null;
      const report = await runLive({
        config: liveConfig(),
        scenario,
        beforeClose: async (url) => void (metrics = await fetchMetrics(url)),
        drainMs: 5000,
      });
      expect(report.totals.sent).toBeGreaterThan(0);
      expect(report.totals.sent).toBeLessThanOrEqual(600);
      expectConsistent(report, metrics!);
      expect(report.totals.throttled).toBeGreaterThan(0);
      expect(report.live).toMatchObject({ loadModel: 'closed', meanIntendedRate: null, unanswered: 0 });
      expect(sum(report.live.series.map((p) => p.achievedRate))).toBe(report.totals.sent);
    },
  );

  it('stops on abort and still reports what was answered', { timeout: 20_000 }, async () => {
    const controller = new AbortController();
    const scenario = liveScenario({ phases: [{ durationSeconds: 30, rate: 50 }] });
    const report = await runLive({
      config: liveConfig(),
      scenario,
      signal: controller.signal,
      onProgress: () => controller.abort(),
      drainMs: 5000,
    });
    expect(report.live.stopped).toBe(true);
    expect(report.totals.sent).toBeGreaterThan(0);
    expect(report.totals.sent).toBeLessThan(500);
  });
});
