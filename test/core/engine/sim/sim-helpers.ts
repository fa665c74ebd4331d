import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { virtualReport } from '../../../../core/engine/sim/virtual-report.ts';
import type { RunReport } from '../../../../core/engine/run/report-types.ts';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';
import type { RequestLine } from '../../../../core/engine/sim/request-line.ts';
import { VirtualRun } from '../../../../core/engine/sim/virtual-run.ts';

export function config(data: unknown): GatewayConfig {
  const parsed = parseConfig(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

export function scenario(data: unknown): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** Runs a scenario to the end; returns the report and the per-request lines in arrival order. */
export function simulate(
  configData: unknown,
  scenarioData: unknown,
  seed?: number,
): { report: RunReport; lines: RequestLine[] } {
  const c = config(configData);
  const s = scenario(scenarioData);
  const lines: RequestLine[] = [];
  const run = new VirtualRun({
    config: c,
    scenario: s,
    ...(seed === undefined ? {} : { seed }),
    onResponse: (l) => lines.push(l),
  });
  run.runToEnd();
  const report = virtualReport(run, c, s);
  lines.sort((a, b) => a.seq - b.seq);
  return { report, lines };
}

/** One REST API `shop` with stage `prod`, a GET /items/{id} MOCK route and optional stage throttling. */
export function shopConfig(stageLimits?: { rate: number; burst: number }, extra: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    apis: [
      {
        id: 'shop',
        routes: [
          {
            method: 'GET',
            path: '/items/{id}',
            integration: { type: 'MOCK', body: 'item ${method.request.path.id}', latencyMs: 10 },
          },
        ],
        stages: [
          {
            name: 'prod',
            ...(stageLimits
              ? {
                  methodSettings: {
                    '*/*': { throttlingRateLimit: stageLimits.rate, throttlingBurstLimit: stageLimits.burst },
                  },
                }
              : {}),
          },
        ],
      },
    ],
    ...extra,
  };
}
