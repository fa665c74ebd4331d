import { describe, expect, it } from 'vitest';
import { randomStreams } from '../../../../core/engine/random/random-source.ts';
import { requestGenerator, type PlannedRequest } from '../../../../core/engine/scenario/request-generator.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';
import { expectBinomial, scenario, tally } from './helpers.ts';

const phases = [{ durationSeconds: 1, rate: 1 }];

function generate(s: Scenario, count: number, seed = s.seed, options = {}): PlannedRequest[] {
  const generator = requestGenerator(s, randomStreams(seed), options);
  return Array.from({ length: count }, () => generator.next());
}

describe('request generator', () => {
  it('defaults to GET / on the target stage with no client', () => {
    expect(generate(scenario({ phases }), 1)).toEqual([
      {
        method: 'GET',
        path: '/prod',
        routeTemplate: '/',
        headers: {},
        apiId: 'petstore',
        stage: 'prod',
        client: null,
        retry: null,
      },
    ]);
  });

  it('fills the template, the query and headers, and adds the client key', () => {
    const s = scenario({
      phases,
      mix: [
        {
          method: 'POST',
          path: '/users/{user}/files/{rest+}',
          params: { user: { sequence: { start: 5 } }, rest: { values: ['a b/c.txt'] } },
          query: { page: { uniform: { min: 2, max: 2 } }, 'sort by': 'name&date' },
          headers: { 'Cache-Control': 'max-age=0', 'X-Trace': { sequence: {} } },
          body: '{"name":"rex"}',
        },
      ],
      clients: [{ name: 'alice', apiKey: 'alice-0123456789abcdef', retry: {} }],
    });
    const [first, second] = generate(s, 2);
    expect(first).toEqual({
      method: 'POST',
      path: '/prod/users/5/files/a%20b/c.txt?page=2&sort%20by=name%26date',
      routeTemplate: '/users/{user}/files/{rest+}',
      headers: { 'cache-control': 'max-age=0', 'x-trace': '1', 'x-api-key': 'alice-0123456789abcdef' },
      body: '{"name":"rex"}',
      apiId: 'petstore',
      stage: 'prod',
      client: 'alice',
      retry: { on: [429], maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, jitter: 'full' },
    });
    expect(second!.path).toBe('/prod/users/6/files/a%20b/c.txt?page=2&sort%20by=name%26date');
    expect(second!.headers['x-trace']).toBe('2');
  });

  it("keeps a mix entry's own x-api-key over the client's", () => {
    const s = scenario({
      phases,
      mix: [{ path: '/a', headers: { 'X-Api-Key': 'wrong-key' } }],
      clients: [{ name: 'alice', apiKey: 'alice-0123456789abcdef' }],
    });
    expect(generate(s, 1)[0]!.headers).toEqual({ 'x-api-key': 'wrong-key' });
  });

  it('omits the stage segment for a stage served at the root', () => {
    const http = scenario({
      target: { apiId: 'h', stage: '$default' },
      phases,
      mix: [{ path: '/pets/{id}', params: { id: '7' } }],
    });
    expect(generate(http, 1)[0]!.path).toBe('/pets/7');
    expect(generate(http, 1)[0]!.stage).toBe('$default');
    const prod = scenario({ phases, mix: [{ path: '/x' }] });
    const calls: string[] = [];
    const servedAtRoot = (apiId: string, stage: string) => (calls.push(`${apiId}/${stage}`), true);
    expect(generate(prod, 1, 1, { servedAtRoot })[0]!.path).toBe('/x');
    expect(calls).toEqual(['petstore/prod']);
  });

  it('uses a per-entry apiId and stage', () => {
    const s = scenario({ phases, mix: [{ path: '/', apiId: 'other', stage: 'beta' }] });
    expect(generate(s, 1)[0]).toMatchObject({ path: '/beta', apiId: 'other', stage: 'beta' });
  });

  it('keeps a sequence per mix entry and per parameter', () => {
    const s = scenario({
      phases,
      mix: [
        { path: '/a/{n}', params: { n: { sequence: {} } } },
        { path: '/b/{n}/{m}', params: { n: { sequence: {} }, m: { sequence: { start: 100, step: 10 } } } },
      ],
    });
    const paths = generate(s, 200).map((r) => r.path);
    const a = paths.filter((p) => p.startsWith('/prod/a/'));
    const b = paths.filter((p) => p.startsWith('/prod/b/'));
    expect(a).toEqual(a.map((_, i) => `/prod/a/${i + 1}`));
    expect(b).toEqual(b.map((_, i) => `/prod/b/${i + 1}/${100 + 10 * i}`));
  });

  it('weights the mix and the client shares within 3σ', () => {
    const s = scenario({
      phases,
      mix: [
        { weight: 80, path: '/pets/{id}', params: { id: { zipf: { n: 1000, s: 1.1 } } } },
        { weight: 20, method: 'POST', path: '/pets' },
      ],
      clients: [
        { name: 'alice', share: 70 },
        { name: 'bob', share: 30 },
      ],
    });
    const requests = generate(s, 50_000);
    expectBinomial(requests.filter((r) => r.method === 'GET').length, requests.length, 0.8);
    const clients = tally(requests.map((r) => r.client));
    expectBinomial(clients.get('alice')!, requests.length, 0.7);
    expect(clients.get('bob')! + clients.get('alice')!).toBe(requests.length);
  });

  it('repeats exactly for a seed; client choice never moves the mix', () => {
    const mix = [
      { weight: 2, path: '/a/{id}', params: { id: { uniform: { min: 1, max: 1000 } } } },
      { path: '/b', query: { q: { values: ['x', 'y'] } } },
    ];
    const s = scenario({ phases, mix });
    const withClients = scenario({ phases, mix, clients: [{ name: 'a' }, { name: 'b', share: 3 }] });
    const paths = (x: Scenario, seed: number) => generate(x, 500, seed).map((r) => r.path);
    expect(paths(s, 3)).toEqual(paths(s, 3));
    expect(paths(s, 3)).not.toEqual(paths(s, 4));
    expect(paths(withClients, 3)).toEqual(paths(s, 3));
  });
});
