import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseListText } from '../../../renderer/editors/fields/ListField.tsx';
import { parseNumberText } from '../../../renderer/editors/fields/NumberField.tsx';
import { apiKeyList, apiList, freeName, routeKeys } from '../../../renderer/editors/model/config-info.ts';
import {
  cachingPlaceholder,
  planLimitPlaceholder,
  stageLimitPlaceholder,
  ttlPlaceholder,
} from '../../../renderer/editors/model/inheritance.ts';
import { offeredRequests, phaseRatePoints, traceRatePoints } from '../../../renderer/editors/model/offered-rate.ts';
import { generatorKind, generatorTemplate, LAMBDA_SAMPLE } from '../../../renderer/editors/model/templates.ts';
import { fileNameFor, kindOfFile, rawFromText, uniqueName } from '../../../renderer/store/editor-docs.ts';

const petstore = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/petstore.gatelab.json'), 'utf8'),
) as Record<string, unknown>;

describe('inheritance placeholders', () => {
  it('a method falls back to */* field by field, then to the account', () => {
    expect(stageLimitPlaceholder(petstore, 0, 0, 'GET /pets', 'throttlingRateLimit')).toBe('inherits 100 from */*');
    expect(stageLimitPlaceholder(petstore, 0, 0, '*/*', 'throttlingBurstLimit')).toBe('account: 5000');
    const bare = { apis: [{ stages: [{ methodSettings: { '*/*': {} } }] }] };
    expect(stageLimitPlaceholder(bare, 0, 0, 'GET /x', 'throttlingRateLimit')).toBe('account: 10000');
    expect(planLimitPlaceholder({ account: { throttlingRateLimit: 300 } }, 'rateLimit')).toBe('account: 300');
  });

  it('*/* caches GET only, and a method inherits its TTL', () => {
    expect(cachingPlaceholder(petstore, 0, 0, 'GET /pets')).toBe('inherits on from */*');
    expect(cachingPlaceholder(petstore, 0, 0, 'POST /pets')).toBe('not set (off: */* caches GET only)');
    expect(cachingPlaceholder(petstore, 0, 0, '*/*')).toBe('not set (off)');
    expect(ttlPlaceholder(petstore, 0, 0, 'GET /pets')).toBe('inherits 300 from */*');
    expect(ttlPlaceholder(petstore, 0, 1, 'GET /pets')).toBe('default: 300');
  });
});

describe('the offered-rate preview', () => {
  it('draws constant phases and ramps, one after another, and counts the requests', () => {
    const points = phaseRatePoints([
      { durationSeconds: 10, rate: 50 },
      { durationSeconds: 10, rate: 50, rampTo: 150 },
      { durationSeconds: 'x', rate: 5 },
    ]);
    expect(points).toEqual([
      { x: 0, y: 50 },
      { x: 10, y: 50 },
      { x: 10, y: 50 },
      { x: 20, y: 150 },
    ]);
    expect(offeredRequests(points)).toBe(500 + 1000);
  });

  it('counts a trace per second', () => {
    expect(traceRatePoints([{ at: 0, count: 3 }, { at: 1500 }, { at: 1999, count: 2 }])).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: 3 },
      { x: 1, y: 3 },
      { x: 2, y: 3 },
    ]);
  });
});

describe('reading configs and typed text', () => {
  it('lists APIs, route keys and keys even from a config with errors', () => {
    expect(apiList({ apis: [{ id: 'a', protocol: 'HTTP' }, 'junk'] })).toEqual([
      { index: 0, id: 'a', label: 'a', protocol: 'HTTP' },
      { index: 1, id: 'API 2', label: 'API 2', protocol: 'REST' },
    ]);
    expect(routeKeys((petstore['apis'] as unknown[])[0])).toEqual(['GET /pets', 'GET /pets/{id}', 'POST /pets']);
    expect(routeKeys({ routes: [{ path: '$default' }, { path: '/x' }] })).toEqual(['$default', 'ANY /x']);
    expect(apiKeyList(petstore).map((k) => k.id)).toEqual(['alice', 'bob', 'carol']);
    expect(freeName('stage', ['stage1'])).toBe('stage2');
  });

  it('keeps typed text that is not a number, so the validator can say why', () => {
    expect(parseNumberText(' 12.5 ')).toBe(12.5);
    expect(parseNumberText('-1')).toBe(-1);
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('fast')).toBe('fast');
    expect(parseListText('429, 503,', true)).toEqual([429, 503]);
    expect(parseListText('a, b', false)).toEqual(['a', 'b']);
    expect(parseListText(' , ', false)).toBeUndefined();
  });

  it('tells documents apart and names files', () => {
    expect(kindOfFile('x.scenario.json', {})).toBe('scenario');
    expect(kindOfFile('x.json', { target: {} })).toBe('scenario');
    expect(kindOfFile('x.json', { apis: [] })).toBe('config');
    expect(fileNameFor('config', 'my.json')).toBe('my.gatelab.json');
    expect(uniqueName('config', 'a.gatelab.json', { 'a.gatelab.json': 1, 'a (2).gatelab.json': 1 })).toBe(
      'a (3).gatelab.json',
    );
    expect(rawFromText('{"a":1}')).toEqual({ a: 1 });
    expect(rawFromText('5')).toBe('5');
    expect(rawFromText('{')).toBe('{');
  });
});

describe('templates', () => {
  it("a Lambda starts with AWS's Node.js sample", () => {
    expect(LAMBDA_SAMPLE).toContain('export const handler = async (event) => {');
    expect(LAMBDA_SAMPLE).toContain("body: JSON.stringify('Hello from Lambda!')");
  });

  it('recognises each generator kind from its template', () => {
    for (const kind of ['literal', 'zipf', 'uniform', 'sequence', 'values'] as const) {
      expect(generatorKind(generatorTemplate(kind))).toBe(kind);
    }
    expect(generatorKind(5)).toBeNull();
  });
});
