import { describe, expect, it } from 'vitest';
import { ALICE, DEPLOYMENTS, httpConfig, problemLines, restConfig } from './helpers.ts';

describe('crossCheckConfig: REST-only features on an HTTP API', () => {
  it('reports API keys and cache keys on routes', () => {
    const routes = [
      { method: 'GET', path: '/pets/{id}', apiKeyRequired: true, cacheKeyParameters: ['method.request.path.id'] },
      { method: 'GET', path: '/pets', apiKeyRequired: false, cacheKeyParameters: [] },
    ];
    expect(problemLines(httpConfig({ routes }))).toEqual([
      'apis[0].routes[0].apiKeyRequired: REST-only; API "web" is an HTTP API',
      'apis[0].routes[0].cacheKeyParameters: REST-only; API "web" is an HTTP API',
    ]);
  });

  it('reports the stage cache, canary and method caching', () => {
    const stage = {
      name: 'prod',
      deploymentId: 'd1',
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
      canarySettings: { deploymentId: 'd2', percentTraffic: 5 },
      methodSettings: { '*/*': { throttlingRateLimit: 5, cachingEnabled: true, cacheTtlInSeconds: 60 } },
    };
    expect(problemLines(httpConfig({ deployments: DEPLOYMENTS, stages: [stage] }))).toEqual([
      'apis[0].stages[0].cacheClusterEnabled: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].cacheClusterSize: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].requireAuthorizationForCacheControl: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].unauthorizedCacheControlHeaderStrategy: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].canarySettings: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].methodSettings["*/*"].cachingEnabled: REST-only; API "web" is an HTTP API',
      'apis[0].stages[0].methodSettings["*/*"].cacheTtlInSeconds: REST-only; API "web" is an HTTP API',
    ]);
  });

  it('reports a usage plan that covers an HTTP API stage', () => {
    const top = { usagePlans: [{ id: 'free', apiStages: [{ apiId: 'web', stage: 'prod' }] }] };
    expect(problemLines(httpConfig({ stages: [{ name: 'prod' }] }, top))).toEqual([
      'usagePlans[0].apiStages[0].apiId: usage plans are REST-only; API "web" is an HTTP API',
    ]);
  });
});

describe('crossCheckConfig: HTTP-only features on a REST API', () => {
  it('reports autoDeploy, the "$default" stage and the "$default" route', () => {
    const routes = [{ method: 'GET', path: '/pets' }, { path: '$default' }];
    const stages = [{ name: 'prod', autoDeploy: true }, { name: '$default' }];
    expect(problemLines(restConfig({ routes, stages }))).toEqual([
      'apis[0].routes[1].path: the "$default" route is HTTP-only; API "petstore" is a REST API',
      'apis[0].stages[0].autoDeploy: HTTP-only; API "petstore" is a REST API',
      'apis[0].stages[1].name: the "$default" stage is HTTP-only; API "petstore" is a REST API',
    ]);
  });
});

describe('parseConfig: valid HTTP APIs', () => {
  it('accepts a "$default" stage, a "$default" route and route throttles keyed by route key', () => {
    const config = httpConfig({
      routes: [{ method: 'GET', path: '/pets/{id}' }, { path: '$default' }, { method: 'ANY', path: '/files/{proxy+}' }],
      deployments: [{ id: 'd1', routes: [{ method: 'ANY', path: '$default' }] }],
      stages: [
        { name: '$default', autoDeploy: true, methodSettings: { '*/*': { throttlingRateLimit: 50 }, $default: {} } },
        { name: 'v1', deploymentId: 'd1', methodSettings: { 'GET /pets/{id}': { throttlingBurstLimit: 10 } } },
      ],
    });
    expect(problemLines(config)).toEqual([]);
  });

  it('reports a "$default" route setting on a stage that serves no "$default" route', () => {
    const config = httpConfig({ stages: [{ name: 'prod', methodSettings: { $default: { throttlingRateLimit: 1 } } }] });
    expect(problemLines(config)).toEqual([
      'apis[0].stages[0].methodSettings.$default: no "$default" route served by stage "prod"',
    ]);
  });
});

describe('parseConfig: every problem at once', () => {
  it('reports schema problems together, then cross-reference problems once the schema passes', () => {
    const schemaBroken = restConfig(
      {
        stages: [
          { name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 'fast', throttlingBurstLimit: 2.5 } } },
        ],
      },
      { apiKeys: [{ id: 'bob', value: 'short' }], usagePlans: [{ id: 'free', quota: { limit: 10, period: 'YEAR' } }] },
    );
    expect(problemLines(schemaBroken)).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit: expected -1 or a number ≥ 0, got "fast"',
      'apis[0].stages[0].methodSettings["*/*"].throttlingBurstLimit: expected -1 or an integer ≥ 0, got 2.5',
      'usagePlans[0].quota.period: expected one of "DAY", "WEEK", "MONTH", got "YEAR"',
      'apiKeys[0].value: expected at least 20 characters, as AWS requires, got "short"',
    ]);
    const referencesBroken = restConfig(
      { deployments: DEPLOYMENTS, stages: [{ name: 'prod', deploymentId: 'd3' }, { name: 'prod' }] },
      { apiKeys: [{ ...ALICE, usagePlanIds: ['gold'] }] },
    );
    expect(problemLines(referencesBroken)).toEqual([
      'apis[0].stages[1].name: duplicate stage name "prod" (first at apis[0].stages[0].name)',
      'apis[0].stages[0].deploymentId: no deployment "d3" in API "petstore" (deployments: d1, d2)',
      'apiKeys[0].usagePlanIds[0]: no usage plan "gold" (usage plans: none)',
    ]);
  });
});
