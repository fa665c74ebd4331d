import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from '../../../../core/engine/config/config-json-schema.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { schemaErrors } from './json-schema-check.ts';
import { httpConfig, specExample } from './helpers.ts';

const shippedText = readFileSync(new URL('../../../../schema/gatelab.config.schema.json', import.meta.url), 'utf8');
const shipped = JSON.parse(shippedText) as Record<string, unknown>;

function strictObjects(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const item of node) strictObjects(item, found);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.additionalProperties === false) found.push(record);
    for (const value of Object.values(record)) strictObjects(value, found);
  }
  return found;
}

describe('config JSON Schema', () => {
  it('is checked in exactly as generated (run `npm run schema` after changing the zod schema)', () => {
    expect(shippedText).toBe(configJsonSchemaText());
  });

  it('lets every strict object carry "$schema" and "x-" keys', () => {
    const objects = strictObjects(configJsonSchema());
    expect(objects.length).toBeGreaterThan(15);
    for (const object of objects) {
      expect(object.patternProperties).toEqual({ '^x-': {} });
      expect((object.properties as Record<string, unknown>).$schema).toEqual({ type: 'string' });
    }
  });

  it('accepts the SPEC §2 example, as zod does', () => {
    const example = specExample();
    expect(parseConfig(example).ok).toBe(true);
    expect(schemaErrors(shipped, example)).toEqual([]);
  });

  it('accepts extension keys and an HTTP API with "$default" everywhere', () => {
    const config = httpConfig(
      {
        'x-team': 'web',
        routes: [{ path: '$default', 'x-note': 1 }],
        stages: [{ name: '$default', autoDeploy: true }],
      },
      { $schema: './node_modules/gatelab/schema/gatelab.config.schema.json' },
    );
    expect(parseConfig(config).ok).toBe(true);
    expect(schemaErrors(shipped, config)).toEqual([]);
  });

  it('rejects what zod rejects structurally: unknown keys, bad enums, limits below -1, fractional bursts', () => {
    const config = {
      formatVersion: 1,
      account: { throttlingRateLimit: -2, throttlingBurstLimit: 1.5 },
      apis: [
        {
          id: 'a',
          protocol: 'SOAP',
          colour: 'red',
          routes: [{ method: 'GET', path: '/', integration: { type: 'NOPE' } }],
        },
      ],
    };
    expect(schemaErrors(shipped, config)).toEqual([
      '$.account.throttlingRateLimit: anyOf matched 0',
      '$.account.throttlingBurstLimit: anyOf matched 0',
      '$.apis[0].protocol: not in enum',
      '$.apis[0].colour: not allowed',
      '$.apis[0].routes[0].integration: oneOf matched 0',
    ]);
  });
});
