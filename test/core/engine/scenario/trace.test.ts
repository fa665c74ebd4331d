import { describe, expect, it } from 'vitest';
import { planTrace, TraceCursor } from '../../../../core/engine/scenario/trace.ts';
import { drain, scenario } from './helpers.ts';

const clients = [
  { name: 'alice', apiKey: 'alice-0123456789abcdef', retry: { on: [429, 503] } },
  { name: 'bob', apiKey: 'bob-0123456789abcdefgh' },
];

describe('trace planning', () => {
  const s = scenario({
    clients,
    trace: [
      { at: 500, path: '/prod/late', count: 2 },
      { at: 0, path: '/prod/pets?page=2', method: 'POST', body: 'x', client: 'alice' },
      { at: 500, path: '/beta/same-time', apiId: 'other', client: 'bob', headers: { 'X-Api-Key': 'own-key' } },
      { at: 0, path: '/prod/second-at-zero', count: 3, headers: { Accept: 'text/plain' } },
    ],
  });
  const plan = planTrace({ target: s.target, trace: s.trace!, clients: s.clients });

  it('orders by time, keeping file order at equal times', () => {
    expect(plan.map((e) => [e.at, e.index, e.count])).toEqual([
      [0, 1, 1],
      [0, 3, 3],
      [500, 0, 2],
      [500, 2, 1],
    ]);
  });

  it('keeps paths as written and fills the request', () => {
    expect(plan[0]!.request).toEqual({
      method: 'POST',
      path: '/prod/pets?page=2',
      routeTemplate: null,
      headers: { 'x-api-key': 'alice-0123456789abcdef' },
      body: 'x',
      apiId: 'petstore',
      stage: null,
      client: 'alice',
      retry: { on: [429, 503], maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, jitter: 'full' },
    });
    expect(plan[1]!.request).toMatchObject({
      method: 'GET',
      headers: { accept: 'text/plain' },
      client: null,
      retry: null,
    });
    expect(plan[3]!.request).toMatchObject({ apiId: 'other', client: 'bob', headers: { 'x-api-key': 'own-key' } });
    expect(plan[3]!.request.retry).toBeNull();
  });

  it('expands counts one arrival at a time, each with its own request object', () => {
    const cursor = new TraceCursor(plan);
    const seen: [number, string][] = [];
    const requests = [];
    for (let t = cursor.next(); t !== -1; t = cursor.next()) {
      seen.push([t, cursor.request!.path]);
      requests.push(cursor.request);
    }
    expect(seen).toEqual([
      [0, '/prod/pets?page=2'],
      [0, '/prod/second-at-zero'],
      [0, '/prod/second-at-zero'],
      [0, '/prod/second-at-zero'],
      [500, '/prod/late'],
      [500, '/prod/late'],
      [500, '/beta/same-time'],
    ]);
    expect(requests[1]).not.toBe(requests[2]);
    expect(requests[1]!.headers).not.toBe(requests[2]!.headers);
    expect(cursor.request).toBeNull();
    expect(cursor.next()).toBe(-1);
  });

  it('streams a large count without expanding it', () => {
    const big = scenario({ trace: [{ at: 3, path: '/prod', count: 1_000_000 }] });
    const times = drain(new TraceCursor(planTrace({ target: big.target, trace: big.trace!, clients: [] })));
    expect(times).toHaveLength(1_000_000);
    expect(times.every((t) => t === 3)).toBe(true);
  });
});
