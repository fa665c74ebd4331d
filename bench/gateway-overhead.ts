/**
 * Gateway overhead: autocannon (50 connections, 10 s, in a worker thread so it never shares the servers' thread)
 * against a bare node:http hello-world, against `gatelab serve` answering from its cache with throttling set
 * too high to throttle, and against fastify with @fastify/rate-limit (one limit, no cache), side by side in
 * one run. Target: gatelab rps / bare rps ≥ 0.85 (fastify + rate-limit measures about 0.8).
 */
import rateLimit from '@fastify/rate-limit';
import autocannon from 'autocannon';
import fastify from 'fastify';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { parseConfig } from '../core/engine/config/parse-config.ts';
import { startGatewayServer } from '../core/node/server/gateway-server.ts';
import { formatRate, printTable } from './bench-format.ts';

const CONNECTIONS = 50;
const SECONDS = 10;
const ROUNDS = 5;
const WARMUP_SECONDS = 2;
const BODY = 'hello world';
const HIGH = 100_000_000;

interface Target {
  name: string;
  url: string;
  close(): Promise<void>;
}

interface Measured {
  name: string;
  rps: number;
  /** The median of the slices' p99. */
  p99: number;
  mean: number;
  non2xx: number;
  errors: number;
}

async function bareServer(): Promise<Target> {
  // The same socket options as gatelab serve, so only the request handling differs.
  const server: Server = createServer({ keepAlive: true, keepAliveTimeout: 65_000, noDelay: true }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(BODY.length) });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { name: 'bare node:http', url: `http://127.0.0.1:${port}/hello`, close };
}

async function gatelabServer(): Promise<Target> {
  const parsed = parseConfig({
    formatVersion: 1,
    account: { throttlingRateLimit: HIGH, throttlingBurstLimit: HIGH },
    apis: [
      {
        id: 'bench',
        routes: [
          {
            method: 'GET',
            path: '/hello',
            integration: { type: 'MOCK', headers: { 'content-type': 'text/plain' }, body: BODY },
          },
        ],
        stages: [
          {
            name: 'prod',
            cacheClusterEnabled: true,
            methodSettings: {
              '*/*': {
                throttlingRateLimit: HIGH,
                throttlingBurstLimit: HIGH,
                cachingEnabled: true,
                cacheTtlInSeconds: 3600,
              },
            },
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const server = await startGatewayServer({ config: parsed.value, port: 0, seed: 1 });
  return { name: 'gatelab serve (cache hit)', url: `${server.url}/prod/hello`, close: () => server.close() };
}

async function fastifyServer(): Promise<Target> {
  const app = fastify({ logger: false });
  await app.register(rateLimit, { max: HIGH, timeWindow: 1000 });
  app.get('/hello', (_request, reply) => reply.type('text/plain').send(BODY));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { name: 'fastify + rate-limit', url: `http://127.0.0.1:${port}/hello`, close: () => app.close() };
}

/** autocannon in one worker thread: the server keeps this thread to itself. */
function hammer(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 1 });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs the three side by side and prints rps, p99 and the ratios to the bare server. Each server gets its
 * 10 s as 5 slices of 2 s, interleaved in rotating order, so load that other processes put on a shared
 * machine falls on all three alike instead of skewing whichever ran at the wrong moment.
 */
export async function benchGatewayOverhead(): Promise<Measured[]> {
  const targets = [await bareServer(), await gatelabServer(), await fastifyServer()];
  const rounds = targets.map(() => [] as autocannon.Result[]);
  const loads: number[] = [];
  try {
    for (const target of targets) await hammer(target.url, WARMUP_SECONDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (round + k) % targets.length;
        rounds[i]!.push(await hammer(targets[i]!.url, SECONDS / ROUNDS));
      }
      loads.push(loadavg()[0]!);
    }
  } finally {
    await Promise.all(targets.map((target) => target.close()));
  }
  const results = targets.map((target, i): Measured => {
    const slices = rounds[i]!;
    const requests = slices.reduce((sum, r) => sum + r.requests.total, 0);
    const seconds = slices.reduce((sum, r) => sum + r.duration, 0);
    return {
      name: target.name,
      rps: requests / seconds,
      p99: median(slices.map((r) => r.latency.p99)),
      mean: slices.reduce((sum, r) => sum + r.latency.average, 0) / slices.length,
      non2xx: slices.reduce((sum, r) => sum + r.non2xx, 0),
      errors: slices.reduce((sum, r) => sum + r.errors, 0),
    };
  });
  const bare = results[0]!;
  const title = `Gateway overhead: autocannon -c ${CONNECTIONS}, ${SECONDS} s per server in ${ROUNDS} interleaved slices`;
  printTable(title, [
    ['server', 'rps', 'p99 ms', 'mean ms', 'rps / bare', 'p99 / bare', 'non-2xx', 'errors'],
    ...results.map((r) => [
      r.name,
      formatRate(r.rps),
      r.p99.toFixed(1),
      r.mean.toFixed(2),
      (r.rps / bare.rps).toFixed(3),
      bare.p99 === 0 ? '–' : (r.p99 / bare.p99).toFixed(2),
      String(r.non2xx),
      String(r.errors),
    ]),
  ]);
  const ratio = results[1]!.rps / bare.rps;
  console.log(
    `  gatelab / bare rps = ${ratio.toFixed(3)} (target ≥ 0.85: ${ratio >= 0.85 ? 'met' : 'missed'}) · ` +
      `fastify / bare = ${(results[2]!.rps / bare.rps).toFixed(3)} · ` +
      `load average per round ${loads.map((l) => l.toFixed(2)).join(' ')} (autocannon's p99 has 1 ms resolution)`,
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGatewayOverhead();
