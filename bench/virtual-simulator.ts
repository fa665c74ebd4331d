/**
 * Simulated requests per wall-clock second: 10,000 rps for 600 s (6,000,000 requests) against a config with
 * stage throttling, usage plans and a stage cache, with peak RSS and the speed-up over real time.
 */
import { parseConfig } from '../core/engine/config/parse-config.ts';
import { parseScenario } from '../core/engine/scenario/parse-scenario.ts';
import { VirtualRun } from '../core/engine/sim/virtual-run.ts';
import { formatRate, printTable } from './bench-format.ts';

const KEYS = ['free-0123456789abcdef01', 'pro-0123456789abcdef012', 'pro-0123456789abcdef013'];

function inputs(rate: number, seconds: number) {
  const config = parseConfig({
    formatVersion: 1,
    apis: [
      {
        id: 'shop',
        routes: [
          {
            method: 'GET',
            path: '/items/{id}',
            apiKeyRequired: true,
            cacheKeyParameters: ['method.request.path.id'],
            integration: { type: 'MOCK', body: '{"id":"${method.request.path.id}"}', latencyMs: { p50: 20, p99: 120 } },
          },
          {
            method: 'POST',
            path: '/orders',
            apiKeyRequired: true,
            integration: { type: 'MOCK', statusCode: 201, latencyMs: 30 },
          },
        ],
        stages: [
          {
            name: 'prod',
            cacheClusterEnabled: true,
            methodSettings: {
              '*/*': {
                throttlingRateLimit: 8000,
                throttlingBurstLimit: 4000,
                cachingEnabled: true,
                cacheTtlInSeconds: 60,
              },
            },
          },
        ],
      },
    ],
    usagePlans: [
      {
        id: 'free',
        throttle: { rateLimit: 1000, burstLimit: 500 },
        quota: { limit: 10_000_000, period: 'DAY' },
        apiStages: [{ apiId: 'shop', stage: 'prod' }],
      },
      { id: 'pro', throttle: { rateLimit: 5000, burstLimit: 2000 }, apiStages: [{ apiId: 'shop', stage: 'prod' }] },
    ],
    apiKeys: [
      { id: 'free1', value: KEYS[0], usagePlanIds: ['free'] },
      { id: 'pro1', value: KEYS[1], usagePlanIds: ['pro'] },
      { id: 'pro2', value: KEYS[2], usagePlanIds: ['pro'] },
    ],
  });
  const scenario = parseScenario({
    formatVersion: 1,
    name: 'bench',
    target: { apiId: 'shop', stage: 'prod' },
    seed: 1,
    arrivals: 'poisson',
    phases: [{ durationSeconds: seconds, rate }],
    mix: [
      { weight: 9, method: 'GET', path: '/items/{id}', params: { id: { zipf: { n: 10_000, s: 1.1 } } } },
      { weight: 1, method: 'POST', path: '/orders' },
    ],
    clients: [
      { name: 'free', apiKey: KEYS[0], share: 2 },
      { name: 'pro1', apiKey: KEYS[1], share: 5 },
      { name: 'pro2', apiKey: KEYS[2], share: 3, retry: { on: [429], maxAttempts: 2, baseDelayMs: 50 } },
    ],
  });
  if (!config.ok || !scenario.ok) throw new Error('bench inputs are invalid');
  return { config: config.value, scenario: scenario.value };
}

export async function benchVirtualSimulator(rate = 10_000, seconds = 600): Promise<void> {
  const { config, scenario } = inputs(rate, seconds);
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const run = new VirtualRun({ config, scenario });
  for (let t = 1000; !run.advance(t); t += 1000) {
    if (t % 30_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sent = run.recorder.sent;
  const perSecond = sent / (wallMs / 1000);
  printTable(`Virtual simulator: ${rate} rps × ${seconds} s`, [
    ['simulated requests (incl. retries)', String(sent)],
    ['wall-clock time', `${(wallMs / 1000).toFixed(2)} s`],
    ['simulated requests per wall-clock second', formatRate(perSecond)],
    ['simulated requests per CPU second', formatRate(sent / (cpuMs / 1000))],
    ['speed-up over real time', `${((seconds * 1000) / wallMs).toFixed(0)}×`],
    ['peak RSS', `${(peakRss / 2 ** 20).toFixed(0)} MB`],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rate, seconds] = process.argv.slice(2).map(Number);
  await benchVirtualSimulator(rate || undefined, seconds || undefined);
}
