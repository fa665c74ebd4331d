/**
 * Pacing accuracy of live mode: paced runs at 500, 2,000 and 5,000 rps for 10 s each (evenly spaced and Poisson
 * arrivals) against the in-process gateway, the load generated in its worker thread. Per full second, achieved /
 * intended (target: within ±3% every second); and the share throttled by a stage bucket with rate = the target
 * rate and burst = 5% of it, side by side with the virtual-mode result for the same scenario (target: within 2
 * percentage points).
 */
import { loadavg } from 'node:os';
import { parseConfig } from '../core/engine/config/parse-config.ts';
import type { GatewayConfig } from '../core/engine/config/schema.ts';
import { parseScenario } from '../core/engine/scenario/parse-scenario.ts';
import type { Scenario } from '../core/engine/scenario/schema.ts';
import { VirtualRun } from '../core/engine/sim/virtual-run.ts';
import { runLive } from '../core/node/live/live-run.ts';
import { printTable } from './bench-format.ts';

const RATES = [500, 2000, 5000];
const SECONDS = 10;
const TOLERANCE = 0.03;

interface PacingResult {
  arrivals: 'uniform' | 'poisson';
  rate: number;
  /** achieved / intended of each full second. */
  ratios: number[];
  liveThrottled: number;
  virtualThrottled: number;
  p99: number;
  load: number;
}

function config(rate: number): GatewayConfig {
  const parsed = parseConfig({
    formatVersion: 1,
    account: { throttlingRateLimit: 1_000_000, throttlingBurstLimit: 1_000_000 },
    apis: [
      {
        id: 'bench',
        routes: [{ method: 'GET', path: '/ping', integration: { type: 'MOCK', body: 'pong' } }],
        stages: [
          {
            name: 'prod',
            methodSettings: { '*/*': { throttlingRateLimit: rate, throttlingBurstLimit: Math.round(rate * 0.05) } },
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function scenario(rate: number, arrivals: 'uniform' | 'poisson'): Scenario {
  const parsed = parseScenario({
    formatVersion: 1,
    name: `pacing ${arrivals} ${rate}`,
    target: { apiId: 'bench', stage: 'prod' },
    seed: 17,
    arrivals,
    phases: [{ durationSeconds: SECONDS, rate }],
    mix: [{ method: 'GET', path: '/ping' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

async function measure(rate: number, arrivals: 'uniform' | 'poisson'): Promise<PacingResult> {
  const gateway = config(rate);
  const plan = scenario(rate, arrivals);
  const live = await runLive({ config: gateway, scenario: plan, drainMs: 5000 });
  const virtual = new VirtualRun({ config: gateway, scenario: plan });
  virtual.runToEnd();
  const virtualTotals = virtual.recorder.totals();
  const ratios = live.live.series
    .filter((point) => point.t < SECONDS && point.intendedRate !== null && point.intendedRate > 0)
    .map((point) => point.achievedRate / point.intendedRate!);
  return {
    arrivals,
    rate,
    ratios,
    liveThrottled: live.totals.throttled / live.totals.sent,
    virtualThrottled: virtualTotals.throttled / virtualTotals.sent,
    p99: live.totals.latencyMs.p99,
    load: loadavg()[0]!,
  };
}

const pct = (share: number): string => `${(share * 100).toFixed(2)}%`;

/** Runs every rate with both arrival kinds and prints the pacing and throttling figures side by side. */
export async function benchPacingAccuracy(rates = RATES): Promise<PacingResult[]> {
  const results: PacingResult[] = [];
  for (const arrivals of ['uniform', 'poisson'] as const) {
    for (const rate of rates) results.push(await measure(rate, arrivals));
  }
  printTable(`Live pacing accuracy: ${SECONDS} s per run, stage bucket rate = target, burst = 5%`, [
    [
      'arrivals',
      'rps',
      'achieved/intended',
      `seconds within ±${TOLERANCE * 100}%`,
      'throttled live',
      'virtual',
      'Δ pp',
      'p99 ms',
      'load avg',
    ],
    ...results.map((r) => {
      const within = r.ratios.filter((ratio) => Math.abs(ratio - 1) <= TOLERANCE).length;
      return [
        r.arrivals,
        String(r.rate),
        `${Math.min(...r.ratios).toFixed(3)}–${Math.max(...r.ratios).toFixed(3)}`,
        `${within}/${r.ratios.length}`,
        pct(r.liveThrottled),
        pct(r.virtualThrottled),
        ((r.liveThrottled - r.virtualThrottled) * 100).toFixed(2),
        r.p99.toFixed(1),
        r.load.toFixed(2),
      ];
    }),
  ]);
  const paced = results.every((r) => r.ratios.every((ratio) => Math.abs(ratio - 1) <= TOLERANCE));
  const throttled = results.every((r) => Math.abs(r.liveThrottled - r.virtualThrottled) <= 0.02);
  console.log(
    `  every full second within ±3%: ${paced ? 'met' : 'missed'} · ` +
      `throttled share within 2 pp of virtual: ${throttled ? 'met' : 'missed'}`,
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPacingAccuracy();
