import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { problemLines, restConfig, specExample } from './helpers.ts';

describe('parseConfig: schema problems', () => {
  it('reports unknown keys one by one, suggesting a close known key', () => {
    const config = restConfig({ stages: [{ name: 'prod', methodsettings: {}, colour: 'blue' }] }, { acount: {} });
    expect(problemLines(config)).toEqual([
      'apis[0].stages[0].methodsettings: unknown key, did you mean "methodSettings"?',
      'apis[0].stages[0].colour: unknown key',
      'acount: unknown key, did you mean "account"?',
    ]);
  });

  it('lists the known keys of a small object', () => {
    const config = restConfig({}, { account: { throttlingRateLimit: 1, burst: 2 } });
    expect(problemLines(config)).toEqual([
      'account.burst: unknown key, expected one of "throttlingRateLimit", "throttlingBurstLimit"',
    ]);
  });

  it('accepts "$schema" and "x-" keys in every object', () => {
    const integration = { type: 'MOCK', 'x-note': 'stub', $schema: 'ignored' };
    const config = restConfig(
      {
        'x-owner': 'team-a',
        routes: [{ method: 'GET', path: '/pets', integration, 'x-tags': ['a'] }],
        stages: [
          { name: 'prod', 'x-color': 1, methodSettings: { '*/*': { 'x-why': 'load test', cachingEnabled: true } } },
        ],
      },
      { $schema: './schema/gatelab.config.schema.json', 'x-generated-by': 'hand', account: { 'x-a': 1 } },
    );
    expect(problemLines(config)).toEqual([]);
  });

  it('reports limits that are neither -1 nor ≥ 0 and bursts that are not integers', () => {
    const config = restConfig(
      { stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: -2, throttlingBurstLimit: 1.5 } } }] },
      { usagePlans: [{ id: 'free', throttle: { rateLimit: 'fast', burstLimit: -1 } }] },
    );
    expect(problemLines(config)).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit: expected -1 or a number ≥ 0, got -2',
      'apis[0].stages[0].methodSettings["*/*"].throttlingBurstLimit: expected -1 or an integer ≥ 0, got 1.5',
      'usagePlans[0].throttle.rateLimit: expected -1 or a number ≥ 0, got "fast"',
    ]);
  });

  it('reports bad enum values with the allowed ones', () => {
    const config = restConfig({ protocol: 'WEBSOCKET', stages: [{ name: 'prod', cacheClusterSize: '1' }] });
    expect(problemLines(config)).toEqual([
      'apis[0].protocol: expected one of "REST", "HTTP", got "WEBSOCKET"',
      'apis[0].stages[0].cacheClusterSize: expected one of "0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237", got "1"',
    ]);
  });

  it('reports missing required fields', () => {
    const config = { apis: [{ routes: [{ method: 'GET' }] }], apiKeys: [{ id: 'k' }] };
    expect(problemLines(config)).toEqual([
      'formatVersion: required: expected 1',
      'apis[0].id: required: expected a string',
      'apis[0].routes[0].path: required: expected a string',
      'apiKeys[0].value: required: expected a string',
    ]);
  });

  it('reports a bad integration type at its "type", with the value it got', () => {
    const routes = [
      { method: 'GET', path: '/a', integration: { type: 'NOPE', statusCode: 200 } },
      { method: 'GET', path: '/b', integration: { statusCode: 200 } },
      { method: 'GET', path: '/c', integration: 'MOCK' },
    ];
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[0].integration.type: expected "MOCK", "HTTP_PROXY" or "LAMBDA", got "NOPE"',
      'apis[0].routes[1].integration.type: required: expected "MOCK", "HTTP_PROXY" or "LAMBDA"',
      'apis[0].routes[2].integration: expected an integration object with "type" "MOCK", "HTTP_PROXY" or "LAMBDA", got "MOCK"',
    ]);
  });

  it("reports a problem inside a union's matching branch at its own path", () => {
    const integration = { type: 'MOCK', latencyMs: { p50: 20 } };
    const routes = [
      { method: 'GET', path: '/a', integration },
      { method: 'GET', path: '/b', integration: { type: 'MOCK', latencyMs: { p50: 50, p99: 10 } } },
    ];
    expect(problemLines(restConfig({ routes }))).toEqual([
      'apis[0].routes[0].integration.latencyMs.p99: required: expected a number from 0 to 600000',
      'apis[0].routes[1].integration.latencyMs.p99: expected p99 ≥ p50, got {"p50":50,"p99":10}',
    ]);
  });

  it('reports a file that is not an object, and a wrong format version', () => {
    expect(problemLines([])).toEqual(['(root): expected an object, got []']);
    expect(problemLines({ formatVersion: 2, apis: {} })).toEqual([
      'formatVersion: expected 1, got 2',
      'apis: expected an array of APIs, got {}',
    ]);
  });
});

describe('parseConfig: valid configs', () => {
  it('accepts the SPEC §2 example', () => {
    expect(problemLines(specExample())).toEqual([]);
  });

  it('applies the defaults', () => {
    const parsed = parseConfig({
      formatVersion: 1,
      apis: [{ id: 'a', stages: [{ name: 'prod' }] }],
      usagePlans: [{ id: 'free' }],
      apiKeys: [{ id: 'k', value: 'k-0123456789abcdefghij', usagePlanIds: ['free'] }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const config = parsed.value;
    expect(config.name).toBe('Untitled');
    expect(config.account).toEqual({ throttlingRateLimit: 10_000, throttlingBurstLimit: 5_000 });
    expect(config.apis[0]).toMatchObject({ protocol: 'REST', routes: [], deployments: [] });
    expect(config.usagePlans[0]?.apiStages).toEqual([]);
    expect(config.apiKeys[0]).toMatchObject({ enabled: true, usagePlanIds: ['free'] });
  });

  it('keeps a partly given account block and fills the rest', () => {
    const parsed = parseConfig({ formatVersion: 1, apis: [], account: { throttlingBurstLimit: 10 } });
    expect(parsed.ok && parsed.value.account).toEqual({ throttlingRateLimit: 10_000, throttlingBurstLimit: 10 });
  });
});
