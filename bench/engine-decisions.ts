/**
 * Engine decisions per second on one core, side by side with rate-limiter-flexible's memory limiter doing
 * one check per request, in the same run.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { parseConfig } from '../core/engine/config/parse-config.ts';
import { Gateway } from '../core/engine/gateway/gateway.ts';
import type { GatewayRequest } from '../core/engine/gateway/types.ts';
import { formatRate, printTable } from './bench-format.ts';

const KEY = 'bench-key-0123456789abcdef';

function gatewayFor(stageRate: number, stageBurst: number): Gateway {
  const parsed = parseConfig({
    formatVersion: 1,
    apis: [
      {
        id: 'pets',
        routes: [
          {
            method: 'GET',
            path: '/pets/{id}',
            apiKeyRequired: true,
            cacheKeyParameters: ['method.request.path.id'],
            integration: { type: 'MOCK', body: '{"id":"${method.request.path.id}"}' },
          },
        ],
        stages: [
          {
            name: 'prod',
            cacheClusterEnabled: true,
            methodSettings: {
              '*/*': { throttlingRateLimit: stageRate, throttlingBurstLimit: stageBurst, cachingEnabled: true },
            },
          },
        ],
      },
    ],
    account: { throttlingRateLimit: 1e12, throttlingBurstLimit: 1e9 },
    usagePlans: [
      { id: 'pro', throttle: { rateLimit: 1e12, burstLimit: 1e9 }, apiStages: [{ apiId: 'pets', stage: 'prod' }] },
    ],
    apiKeys: [{ id: 'k', value: KEY, usagePlanIds: ['pro'] }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return new Gateway(parsed.value);
}

function requests(n: number): GatewayRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    method: 'GET',
    path: `/prod/pets/${i}`,
    headers: { 'x-api-key': KEY, accept: 'application/json' },
  }));
}

function measureGateway(gateway: Gateway, reqs: GatewayRequest[], total: number): number {
  // Warm the cache and the JIT.
  for (let i = 0; i < reqs.length; i++) {
    const d = gateway.handle(reqs[i]!, i);
    if (d.kind === 'integrate') gateway.complete(d, d.modeled, i);
  }
  const started = performance.now();
  let t = reqs.length;
  for (let i = 0; i < total; i++) {
    const d = gateway.handle(reqs[i % reqs.length]!, t++ / 1000);
    if (d.kind === 'integrate') gateway.complete(d, d.modeled, t / 1000);
  }
  return total / ((performance.now() - started) / 1000);
}

async function measureLimiter(total: number): Promise<number> {
  const limiter = new RateLimiterMemory({ points: 1e9, duration: 1 });
  for (let i = 0; i < 50_000; i++) await limiter.consume('k').catch(() => undefined);
  const started = performance.now();
  for (let i = 0; i < total; i++) await limiter.consume('k').catch(() => undefined);
  return total / ((performance.now() - started) / 1000);
}

export async function benchEngineDecisions(total = 2_000_000): Promise<void> {
  const hitPath = measureGateway(gatewayFor(1e12, 1e9), requests(100), total);
  const throttledPath = measureGateway(gatewayFor(0, 0), requests(100), total);
  const limiter = await measureLimiter(Math.min(total, 1_000_000));
  printTable('Engine decisions per second (one core)', [
    [
      'gateway, cache-hit path (key + usage plan + stage + account + cache)',
      formatRate(hitPath),
      `${(hitPath / limiter).toFixed(2)}× limiter`,
    ],
    [
      'gateway, throttled path (429 from the stage bucket)',
      formatRate(throttledPath),
      `${(throttledPath / limiter).toFixed(2)}× limiter`,
    ],
    ['rate-limiter-flexible RateLimiterMemory, one consume()', formatRate(limiter), '1.00×'],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEngineDecisions();
