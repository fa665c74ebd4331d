import { describe, expect, it } from 'vitest';
import { restConfig } from './helpers.ts';
import { fired, scenarioAt } from './lint-helpers.ts';

const cached = (routes: unknown[], methodSettings: Record<string, unknown> = { '*/*': { cachingEnabled: true } }) =>
  restConfig({ routes, stages: [{ name: 'prod', cacheClusterEnabled: true, methodSettings }] });

describe('lint: a cache cluster that no method uses', () => {
  it('fires without method caching, and when "*/*" caching meets only non-GET methods', () => {
    const message =
      'apis[0].stages[0].cacheClusterEnabled: the stage has a cache cluster, billed by the hour, but no method it serves has caching on ("cachingEnabled" in "*/*" caches GET methods; other methods need their own entry) — see README#the-stage-cache-rest';
    expect(fired('cache-unused', cached([{ method: 'GET', path: '/pets' }], {}))).toEqual([message]);
    expect(fired('cache-unused', cached([{ method: 'POST', path: '/pets' }]))).toEqual([message]);
    const ttlZero = { '*/*': { cachingEnabled: true, cacheTtlInSeconds: 0 } };
    expect(fired('cache-unused', cached([{ method: 'GET', path: '/pets' }], ttlZero))).toEqual([message]);
  });

  it("doesn't fire when a method caches", () => {
    expect(fired('cache-unused', cached([{ method: 'GET', path: '/pets' }]))).toEqual([]);
    const post = { 'POST /pets': { cachingEnabled: true } };
    expect(fired('cache-unused', cached([{ method: 'POST', path: '/pets' }], post))).toEqual([]);
  });
});

describe('lint: cache keys that leave out parameters', () => {
  it('fires for a cached route whose path parameters are missing from cacheKeyParameters', () => {
    expect(
      fired(
        'cache-key-missing',
        cached([{ method: 'GET', path: '/pets/{id}/toys/{toy}', cacheKeyParameters: ['method.request.path.toy'] }]),
      ),
    ).toEqual([
      'apis[0].routes[0].cacheKeyParameters: GET /pets/{id}/toys/{toy} is cached on stage "prod", but the cache key leaves out "method.request.path.id": requests that differ only there share one cache entry, so callers get each other\'s responses; add them to cacheKeyParameters — see README#the-stage-cache-rest',
    ]);
  });

  it("fires for the query parameters a scenario's requests carry", () => {
    const scenario = scenarioAt(10, {
      mix: [{ method: 'GET', path: '/pets', query: { page: { uniform: { min: 1, max: 9 } } } }],
    });
    expect(fired('cache-key-missing', cached([{ method: 'GET', path: '/pets' }]), scenario)).toEqual([
      expect.stringContaining(
        'GET /pets is cached on stage "prod", but the cache key leaves out "method.request.querystring.page"',
      ),
    ]);
    const trace = {
      ...scenarioAt(1),
      phases: undefined,
      mix: undefined,
      trace: [{ at: 0, path: '/prod/pets?sort=asc&page=2' }],
    };
    expect(
      fired(
        'cache-key-missing',
        cached([{ method: 'GET', path: '/pets', cacheKeyParameters: ['method.request.querystring.page'] }]),
        trace,
      ),
    ).toEqual([expect.stringContaining('leaves out "method.request.querystring.sort"')]);
  });

  it("doesn't fire when the keys are declared, the route isn't cached, or no scenario says which queries come", () => {
    const declared = [{ method: 'GET', path: '/pets/{id}', cacheKeyParameters: ['method.request.path.id'] }];
    expect(fired('cache-key-missing', cached(declared))).toEqual([]);
    const uncached = restConfig({ routes: [{ method: 'GET', path: '/pets/{id}' }], stages: [{ name: 'prod' }] });
    expect(fired('cache-key-missing', uncached)).toEqual([]);
    expect(fired('cache-key-missing', cached([{ method: 'GET', path: '/pets' }]))).toEqual([]);
    const withQuery = [{ method: 'GET', path: '/pets', cacheKeyParameters: ['method.request.querystring.page'] }];
    const scenario = scenarioAt(10, { mix: [{ method: 'GET', path: '/pets', query: { page: { values: ['1'] } } }] });
    expect(fired('cache-key-missing', cached(withQuery), scenario)).toEqual([]);
  });
});

describe('lint: TTL above 3600', () => {
  it('fires above the cap and not at it', () => {
    const at = (ttl: number) =>
      fired(
        'ttl-above-max',
        cached([{ method: 'GET', path: '/pets' }], { '*/*': { cachingEnabled: true, cacheTtlInSeconds: ttl } }),
      );
    expect(at(3601)).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].cacheTtlInSeconds: above 3600, the most AWS allows; 3600 is used — see README#the-stage-cache-rest',
    ]);
    expect(at(3600)).toEqual([]);
  });
});
