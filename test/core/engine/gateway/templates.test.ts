import { describe, expect, it } from 'vitest';
import { bodyOf, gatewayFrom, httpConfig, mock, restConfig, send, ticketFor } from './helpers.ts';

const everyPlaceholder = JSON.stringify({
  variable: '${stageVariables.color}',
  path: '${method.request.path.id}',
  query: '${method.request.querystring.page}',
  header: '${method.request.header.X-Trace}',
  requestId: '${context.requestId}',
  stage: '${context.stage}',
  time: '${context.requestTimeEpoch}',
  n: '${integration.callCount}',
});

describe('MOCK template placeholders (SPEC §2)', () => {
  it('renders every placeholder in the body', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [{ method: 'GET', path: '/pets/{id}', integration: mock(everyPlaceholder) }],
        stages: [{ name: 'prod', variables: { color: 'blue' } }],
      }),
    );
    const result = send(
      gateway,
      {
        path: '/prod/pets/7',
        query: { page: '3' },
        headers: { 'x-trace': 'abc' },
      },
      1_767_225_600_123,
    );
    expect(bodyOf(result)).toEqual({
      variable: 'blue',
      path: '7',
      query: '3',
      header: 'abc',
      requestId: result.outcome.requestId,
      stage: 'prod',
      time: '1767225600123',
      n: '1',
    });
  });

  it('renders ${context.requestTimeEpoch} as wall-clock ms when engine times are relative (epochMs)', () => {
    const gateway = gatewayFrom(
      restConfig({ routes: [{ method: 'GET', path: '/t', integration: mock('${context.requestTimeEpoch}') }] }),
      { epochMs: 1_767_225_600_000 },
    );
    expect(send(gateway, { path: '/prod/t' }, 250).response.body).toBe('1767225600250');
  });

  it('renders missing values as empty strings and leaves unknown placeholders alone', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [
          {
            method: 'GET',
            path: '/x',
            integration: mock('[${stageVariables.none}|${method.request.querystring.q}|${context.unknown}|${foo}]'),
          },
        ],
      }),
    );
    expect(send(gateway, { path: '/prod/x' }).response.body).toBe('[||${context.unknown}|${foo}]');
  });

  it('renders placeholders in MOCK headers, and defaults content-type to JSON', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [
          {
            method: 'GET',
            path: '/pets/{id}',
            integration: mock('', { statusCode: 202, headers: { 'X-Pet': 'pet-${method.request.path.id}' } }),
          },
          { method: 'GET', path: '/plain', integration: { type: 'MOCK' } },
        ],
      }),
    );
    const result = send(gateway, { path: '/prod/pets/9' });
    expect(result.response.status).toBe(202);
    expect(result.response.headers['x-pet']).toBe('pet-9');
    expect(result.response.headers['content-type']).toBe('application/json');
    const plain = send(gateway, { path: '/prod/plain' });
    expect(plain.response).toMatchObject({ status: 200, body: '' });
  });
});

describe('${integration.callCount} (SPEC §9)', () => {
  const routes = [
    { method: 'GET', path: '/a', integration: mock('a${integration.callCount}') },
    { method: 'GET', path: '/b', integration: mock('b${integration.callCount}') },
  ];

  it('counts per route and per stage, from 1', () => {
    const gateway = gatewayFrom(restConfig({ routes, stages: [{ name: 'prod' }, { name: 'beta' }] }));
    const body = (path: string) => send(gateway, { path }).response.body;
    expect([body('/prod/a'), body('/prod/a'), body('/prod/b'), body('/beta/a'), body('/prod/a')]).toEqual([
      'a1',
      'a2',
      'b1',
      'a1',
      'a3',
    ]);
  });

  it('counts the canary deployment separately', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes,
        deployments: [
          { id: 'd1', routes },
          { id: 'd2', routes },
        ],
        stages: [{ name: 'prod', deploymentId: 'd1', canarySettings: { deploymentId: 'd2', percentTraffic: 50 } }],
      }),
      { seed: 5 },
    );
    const seen = { main: [] as string[], canary: [] as string[] };
    for (let i = 0; i < 40; i++) {
      const result = send(gateway, { path: '/prod/a' }, i);
      seen[result.outcome.canary ? 'canary' : 'main'].push(result.response.body);
    }
    expect(seen.main.length).toBeGreaterThan(0);
    expect(seen.canary.length).toBeGreaterThan(0);
    expect(seen.main).toEqual(seen.main.map((_, i) => `a${i + 1}`));
    expect(seen.canary).toEqual(seen.canary.map((_, i) => `a${i + 1}`));
  });

  it('increases when the integration is invoked, before it completes', () => {
    const gateway = gatewayFrom(restConfig({ routes }));
    const first = ticketFor(gateway, { path: '/prod/a' });
    const second = ticketFor(gateway, { path: '/prod/a' });
    expect([first.callCount, second.callCount]).toEqual([1, 2]);
    expect(gateway.complete(second, second.modeled, 0).response.body).toBe('a2');
    expect(gateway.complete(first, first.modeled, 0).response.body).toBe('a1');
  });
});

describe('MOCK latency and error model (SPEC §2, §9)', () => {
  const latencyGateway = (latencyMs: unknown, protocol: 'REST' | 'HTTP' = 'REST') => {
    const routes = [{ method: 'GET', path: '/x', integration: mock('ok', { latencyMs }) }];
    return protocol === 'REST' ? gatewayFrom(restConfig({ routes })) : gatewayFrom(httpConfig({ routes }));
  };

  it('uses a fixed latency, 0 by default, and reports it as the latency of the request', () => {
    const fixed = latencyGateway(35);
    const result = send(fixed, { path: '/prod/x' }, 1000, 'latency');
    expect(result.ticket?.modeled.latencyMs).toBe(35);
    expect(result.outcome).toMatchObject({ integrationCalled: true, integrationLatencyMs: 35, latencyMs: 35 });
    const zero = gatewayFrom(restConfig({ routes: [{ method: 'GET', path: '/x', integration: { type: 'MOCK' } }] }));
    expect(ticketFor(zero, { path: '/prod/x' }).modeled.latencyMs).toBe(0);
  });

  it('fits a lognormal whose median is p50 and whose 99th percentile is p99', () => {
    const gateway = latencyGateway({ p50: 20, p99: 120 });
    const samples = Array.from(
      { length: 40_000 },
      (_, i) => ticketFor(gateway, { path: '/prod/x' }, i).modeled.latencyMs,
    );
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.floor(q * samples.length)]!;
    expect(at(0.5)).toBeGreaterThan(20 * 0.95);
    expect(at(0.5)).toBeLessThan(20 * 1.05);
    expect(at(0.99)).toBeGreaterThan(120 * 0.9);
    expect(at(0.99)).toBeLessThan(120 * 1.1);
    expect(samples[0]!).toBeGreaterThan(0);
  });

  it('answers a MOCK error with its status and the REST internal-error body', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [{ method: 'GET', path: '/x', integration: mock('ok', { errorRate: 1, errorStatusCode: 503 }) }],
      }),
    );
    const result = send(gateway, { path: '/prod/x' });
    expect(result.response.status).toBe(503);
    expect(result.response.body).toBe('{"message":"Internal server error"}');
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(result.outcome.integrationCalled).toBe(true);
  });

  it('answers a MOCK error with 500 and the HTTP API body by default', () => {
    const gateway = gatewayFrom(
      httpConfig({ routes: [{ method: 'GET', path: '/x', integration: mock('ok', { errorRate: 1 }) }] }),
    );
    const result = send(gateway, { path: '/x' });
    expect(result.response.status).toBe(500);
    expect(result.response.body).toBe('{"message":"Internal Server Error"}');
  });

  it('fails about errorRate of the calls', () => {
    const gateway = gatewayFrom(
      restConfig({ routes: [{ method: 'GET', path: '/x', integration: mock('ok', { errorRate: 0.3 }) }] }),
      { seed: 9 },
    );
    let errors = 0;
    for (let i = 0; i < 10_000; i++) if (send(gateway, { path: '/prod/x' }, i).response.status === 500) errors++;
    expect(Math.abs(errors - 3000)).toBeLessThanOrEqual(3 * Math.sqrt(10_000 * 0.3 * 0.7));
  });
});
