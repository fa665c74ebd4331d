import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';

/** SPEC §6's example with only `phases` kept of the three load models. */
const flashSale = {
  formatVersion: 1,
  name: 'Flash sale',
  target: { apiId: 'petstore', stage: 'prod' },
  startTime: '2026-03-10T10:00:00Z',
  seed: 42,
  arrivals: 'uniform',
  phases: [
    { durationSeconds: 30, rate: 50 },
    { durationSeconds: 30, rate: 50, rampTo: 400 },
    { durationSeconds: 5, rate: 2000 },
  ],
  mix: [
    { weight: 80, method: 'GET', path: '/pets/{id}', params: { id: { zipf: { n: 1000, s: 1.1 } } } },
    {
      weight: 20,
      method: 'POST',
      path: '/pets',
      body: '{"name":"rex"}',
      headers: { 'cache-control': 'max-age=0' },
      query: { page: { uniform: { min: 1, max: 5 } } },
    },
  ],
  clients: [
    { name: 'alice', apiKey: 'alice-0123456789abcdef', share: 70 },
    {
      name: 'bob',
      apiKey: 'bob-0123456789abcdefgh',
      share: 30,
      retry: { on: [429, 503], maxAttempts: 3, baseDelayMs: 100, jitter: 'full' },
    },
  ],
};

const minimal = { formatVersion: 1, name: 'n', target: { apiId: 'petstore', stage: 'prod' } };

describe('parseScenario', () => {
  it('accepts the SPEC example and fills defaults', () => {
    const result = parseScenario(flashSale);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.clients[1]!.retry).toEqual({
      on: [429, 503],
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 20_000,
      jitter: 'full',
    });
    expect(result.value.clients[0]!.retry).toBeUndefined();
  });

  it('accepts each load model alone, with defaults filled', () => {
    const result = parseScenario({ ...minimal, concurrency: { connections: 5, durationSeconds: 2 } });
    expect(result).toEqual({
      ok: true,
      value: {
        ...minimal,
        startTime: '2026-01-01T00:00:00Z',
        seed: 1,
        arrivals: 'uniform',
        concurrency: { connections: 5, durationSeconds: 2, rttMs: 1 },
        mix: [{ weight: 1, method: 'GET', path: '/' }],
        clients: [],
      },
    });
    const trace = parseScenario({ ...minimal, trace: [{ at: 0, path: '/prod/pets?x=1' }] });
    expect(trace.ok && trace.value.trace).toEqual([{ at: 0, count: 1, method: 'GET', path: '/prod/pets?x=1' }]);
  });

  it('normalises to a fixed point: the parsed scenario parses to itself', () => {
    const once = parseScenario({
      ...flashSale,
      mix: [
        { path: '/t/{v}', params: { v: { values: ['a', { value: 'b', weight: 2 }] } }, query: { s: { sequence: {} } } },
      ],
    });
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(once.value.mix[0]!.params).toEqual({
      v: {
        values: [
          { value: 'a', weight: 1 },
          { value: 'b', weight: 2 },
        ],
      },
    });
    expect(parseScenario(once.value)).toEqual(once);
  });

  it('accepts $schema and x- keys anywhere', () => {
    const result = parseScenario({
      ...minimal,
      $schema: './scenario.schema.json',
      'x-note': 1,
      phases: [{ durationSeconds: 1, rate: 1, 'x-why': 'warm-up' }],
      mix: [{ path: '/a/{id}', params: { id: { uniform: { min: 1, max: 2 }, 'x-k': 0 } }, 'x-e': true }],
    });
    expect(result.ok).toBe(true);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => parseScenario(json)).not.toThrow();
        const withBase =
          typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...minimal, ...json } : json;
        expect(() => parseScenario(withBase)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
