// The tuning e2e's examples: a small shop API and a steady overload of its only stage.

/** 90 rps against a stage that admits 30: 60 throttled a second until the slider lifts the limit. */
export const SHOP = {
  formatVersion: 1,
  name: 'Shop',
  apis: [
    {
      id: 'shop',
      routes: [
        {
          method: 'GET',
          path: '/items/{id}',
          cacheKeyParameters: ['method.request.path.id'],
          integration: { type: 'MOCK', body: '{"id":"${method.request.path.id}"}', latencyMs: { p50: 15, p99: 60 } },
        },
      ],
      stages: [
        {
          name: 'prod',
          cacheClusterEnabled: true,
          methodSettings: {
            '*/*': { throttlingRateLimit: 30, throttlingBurstLimit: 30, cachingEnabled: true, cacheTtlInSeconds: 30 },
          },
        },
      ],
    },
  ],
};
export const OVERLOAD = {
  formatVersion: 1,
  name: 'Overload',
  target: { apiId: 'shop', stage: 'prod' },
  seed: 4,
  arrivals: 'uniform',
  phases: [{ durationSeconds: 40, rate: 90 }],
  mix: [{ method: 'GET', path: '/items/{id}', params: { id: { uniform: { min: 1, max: 400 } } } }],
};
