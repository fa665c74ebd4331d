import { z } from 'zod';
import { configSchema } from './schema.ts';
import { burstLimit, rateLimit } from './zod-helpers.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * zod turns a strict object into `additionalProperties: false`, but Gatelab also accepts `$schema`
 * and `x-*` keys in every object, so editors must not flag them.
 */
function allowExtensionKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowExtensionKeys(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) allowExtensionKeys(value);
  if (node.additionalProperties !== false) return;
  node.properties = { ...(isObject(node.properties) ? node.properties : {}), $schema: { type: 'string' } };
  node.patternProperties = { '^x-': {} };
}

/** The refined throttle limits have no JSON Schema of their own; spell out "-1 or ≥ 0". */
function describeLimits(ctx: { zodSchema: unknown; jsonSchema: JsonObject }): void {
  const integer = ctx.zodSchema === burstLimit;
  if (!integer && ctx.zodSchema !== rateLimit) return;
  delete ctx.jsonSchema.type;
  ctx.jsonSchema.anyOf = [{ const: -1 }, { type: integer ? 'integer' : 'number', minimum: 0 }];
  ctx.jsonSchema.description = integer ? '-1 (no limit) or a whole number ≥ 0' : '-1 (no limit) or a number ≥ 0';
}

/**
 * The JSON Schema (draft 2020-12) of a gateway config file, generated from the same zod schema that
 * validates it, for editor completion. It describes the input, so fields with defaults are optional.
 * Cross-references (a stage's deployment, a key's plans…) are checked only by `gatelab validate`.
 */
export function configJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: describeLimits,
  }) as JsonObject;
  allowExtensionKeys(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Gatelab gateway config',
    description:
      'A *.gatelab.json file: APIs, routes, deployments, stages, usage plans and API keys, as AWS names them.',
    ...rest,
  };
}

/** {@link configJsonSchema} as the text of the shipped file (two-space indent, final newline). */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
