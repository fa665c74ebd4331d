type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function typeMatches(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`unsupported type ${String(type)}`);
  }
}

const HANDLED = new Set([
  ...['$schema', 'title', 'description', 'default', 'type', 'const', 'enum', 'anyOf', 'oneOf'],
  ...['minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'items'],
  ...['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames'],
]);

function checkObject(schema: Schema, value: Record<string, unknown>, path: string, errors: string[]): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>);
  for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${path}.${key}: required`);
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (schema.propertyNames !== undefined) validate(schema.propertyNames as Schema, key, `${at}(name)`, errors);
    const matched = patterns.filter(([pattern]) => new RegExp(pattern, 'u').test(key));
    for (const [, sub] of matched) validate(sub, item, at, errors);
    const own = properties[key];
    if (own !== undefined) validate(own, item, at, errors);
    else if (matched.length > 0) continue;
    else if (schema.additionalProperties === false) errors.push(`${at}: not allowed`);
    else if (isObject(schema.additionalProperties)) validate(schema.additionalProperties, item, at, errors);
  }
}

/**
 * Just enough of JSON Schema 2020-12 to check Gatelab's generated schema structurally; throws on a
 * keyword it doesn't know, so a schema change can't silently make the check weaker.
 */
export function validate(schema: Schema, value: unknown, path: string, errors: string[]): void {
  for (const key of Object.keys(schema))
    if (!HANDLED.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
  if (schema.type !== undefined && !typeMatches(schema.type, value)) {
    errors.push(`${path}: expected ${String(schema.type)}`);
    return;
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not in enum`);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword] as Schema[] | undefined;
    if (branches === undefined) continue;
    const passing = branches.filter((branch) => {
      const inner: string[] = [];
      validate(branch, value, path, inner);
      return inner.length === 0;
    }).length;
    if (keyword === 'anyOf' ? passing === 0 : passing !== 1) errors.push(`${path}: ${keyword} matched ${passing}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: pattern`);
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    value.forEach((item, index) => validate(schema.items as Schema, item, `${path}[${index}]`, errors));
  }
  if (isObject(value)) checkObject(schema, value, path, errors);
}

/** Structural errors of `value` against `schema` (empty when it conforms). */
export function schemaErrors(schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  validate(schema, value, '$', errors);
  return errors;
}
