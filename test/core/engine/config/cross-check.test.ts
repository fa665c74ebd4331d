import { describe, expect, it } from 'vitest';
import { ALICE, DEPLOYMENTS, httpConfig, problemLines, restConfig } from './helpers.ts';

describe('crossCheckConfig: unique ids', () => {
  it('reports a second API with the same id', () => {
    const config = { formatVersion: 1, apis: [{ id: 'petstore' }, { id: 'shop' }, { id: 'petstore' }] };
    expect(problemLines(config)).toEqual(['apis[2].id: duplicate API id "petstore" (first at apis[0].id)']);
  });

  it('reports duplicate deployment ids and stage names within an API', () => {
    const deployments = [...DEPLOYMENTS, { id: 'd1', routes: [] }];
    const stages = [{ name: 'prod' }, { name: 'beta' }, { name: 'prod' }];
    expect(problemLines(restConfig({ deployments, stages }))).toEqual([
      'apis[0].deployments[2].id: duplicate deployment id "d1" (first at apis[0].deployments[0].id)',
      'apis[0].stages[2].name: duplicate stage name "prod" (first at apis[0].stages[0].name)',
    ]);
  });

  it('reports duplicate route keys in the working routes and in each deployment', () => {
    const routes = [
      { method: 'GET', path: '/pets' },
      { method: 'POST', path: '/pets' },
      { method: 'GET', path: '/pets' },
    ];
    const deployments = [
      {
        id: 'd1',
        routes: [
          { method: 'ANY', path: '/x' },
          { method: 'ANY', path: '/x' },
        ],
      },
    ];
    expect(problemLines(restConfig({ routes, deployments }))).toEqual([
      'apis[0].routes[2]: duplicate route "GET /pets" (first at apis[0].routes[0])',
      'apis[0].deployments[0].routes[1]: duplicate route "ANY /x" (first at apis[0].deployments[0].routes[0])',
    ]);
  });

  it('reports HTTP API routes that differ only in parameter names', () => {
    const routes = [
      { method: 'GET', path: '/pets/{id}' },
      { method: 'GET', path: '/pets/{petId}' },
    ];
    expect(problemLines(httpConfig({ routes }))).toEqual([
      'apis[0].routes[1]: route "GET /pets/{petId}" matches the same requests as "GET /pets/{id}" (apis[0].routes[0])',
    ]);
  });

  it('reports duplicate usage plan ids, API key ids and API key values', () => {
    const top = {
      usagePlans: [{ id: 'free' }, { id: 'free' }],
      apiKeys: [ALICE, { id: 'alice', value: 'bob-0123456789abcdefgh' }, { id: 'carol', value: ALICE.value }],
    };
    expect(problemLines(restConfig({}, top))).toEqual([
      'usagePlans[1].id: duplicate usage plan id "free" (first at usagePlans[0].id)',
      'apiKeys[1].id: duplicate API key id "alice" (first at apiKeys[0].id)',
      'apiKeys[2].value: duplicate API key value (first at apiKeys[0].value)',
    ]);
  });
});

describe('crossCheckConfig: references', () => {
  it("reports a stage whose deployment isn't in its API, listing the API's deployments", () => {
    const stages = [
      { name: 'prod', deploymentId: 'd1' },
      { name: 'beta', deploymentId: 'd9' },
    ];
    expect(problemLines(restConfig({ deployments: DEPLOYMENTS, stages }))).toEqual([
      'apis[0].stages[1].deploymentId: no deployment "d9" in API "petstore" (deployments: d1, d2)',
    ]);
  });

  it("reports a canary whose deployment isn't in its API", () => {
    const stages = [{ name: 'prod', canarySettings: { deploymentId: 'v3', percentTraffic: 10 } }];
    expect(problemLines(restConfig({ stages }))).toEqual([
      'apis[0].stages[0].canarySettings.deploymentId: no deployment "v3" in API "petstore" (deployments: none)',
    ]);
  });

  it('reports API keys naming a missing or repeated usage plan', () => {
    const top = { usagePlans: [{ id: 'free' }], apiKeys: [{ ...ALICE, usagePlanIds: ['free', 'gold', 'free'] }] };
    expect(problemLines(restConfig({}, top))).toEqual([
      'apiKeys[0].usagePlanIds[2]: duplicate usage plan "free" (first at apiKeys[0].usagePlanIds[0])',
      'apiKeys[0].usagePlanIds[1]: no usage plan "gold" (usage plans: free)',
    ]);
  });

  it('reports usage plan stages naming a missing API or stage, or listed twice', () => {
    const apiStages = [
      { apiId: 'petstore', stage: 'prod' },
      { apiId: 'shop', stage: 'prod' },
      { apiId: 'petstore', stage: 'dev' },
      { apiId: 'petstore', stage: 'prod' },
    ];
    const config = restConfig({ stages: [{ name: 'prod' }] }, { usagePlans: [{ id: 'free', apiStages }] });
    expect(problemLines(config)).toEqual([
      'usagePlans[0].apiStages[3]: duplicate API stage "petstore/prod" (first at usagePlans[0].apiStages[0])',
      'usagePlans[0].apiStages[1].apiId: no API "shop" (APIs: petstore)',
      'usagePlans[0].apiStages[2].stage: no stage "dev" in API "petstore" (stages: prod)',
    ]);
  });

  it('reports a key in two plans that cover the same stage, as AWS does', () => {
    const covers = [{ apiId: 'petstore', stage: 'prod' }];
    const top = {
      usagePlans: [
        { id: 'free', apiStages: covers },
        { id: 'pro', apiStages: covers },
        { id: 'other', apiStages: [] },
      ],
      apiKeys: [{ ...ALICE, usagePlanIds: ['free', 'other', 'pro'] }],
    };
    expect(problemLines(restConfig({ stages: [{ name: 'prod' }] }, top))).toEqual([
      'apiKeys[0].usagePlanIds[2]: usage plans "free" and "pro" both cover stage "petstore/prod"; AWS allows one plan per key and stage',
    ]);
  });

  it('checks methodSettings keys against the working routes, the deployment and the canary deployment', () => {
    const methodSettings = {
      '*/*': { throttlingRateLimit: 10 },
      'GET /pets/{id}': {},
      'POST /orders': {},
      'GET /pet': {},
      'DELETE /pets': {},
      'pets/GET': {},
    };
    const stages = [{ name: 'prod', deploymentId: 'd1', canarySettings: { deploymentId: 'd2' }, methodSettings }];
    expect(problemLines(restConfig({ deployments: DEPLOYMENTS, stages }))).toEqual([
      'apis[0].stages[0].methodSettings["GET /pet"]: no route "GET /pet" served by stage "prod"; did you mean "GET /pets"?',
      'apis[0].stages[0].methodSettings["DELETE /pets"]: no route "DELETE /pets" served by stage "prod" (routes: GET /pets, GET /pets/{id}, POST /orders)',
      'apis[0].stages[0].methodSettings["pets/GET"]: expected "*/*" or "METHOD /path", such as "GET /pets"',
    ]);
  });

  it("checks usage plan per-method throttle keys against the API's routes", () => {
    const throttle = { 'GET /pets': { rateLimit: 1 }, 'POST /orders': {}, 'PUT /pets': {}, '*/*': {} };
    const top = { usagePlans: [{ id: 'free', apiStages: [{ apiId: 'petstore', stage: 'prod', throttle }] }] };
    expect(problemLines(restConfig({ deployments: DEPLOYMENTS, stages: [{ name: 'prod' }] }, top))).toEqual([
      'usagePlans[0].apiStages[0].throttle["PUT /pets"]: no route "PUT /pets" in API "petstore" (routes: GET /pets, GET /pets/{id}, POST /orders)',
      'usagePlans[0].apiStages[0].throttle["*/*"]: expected "METHOD /path", such as "GET /pets"',
    ]);
  });
});
