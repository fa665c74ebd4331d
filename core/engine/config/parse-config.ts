import { configSchema, type GatewayConfig } from './schema.ts';
import { crossCheckConfig } from './cross-check.ts';
import { parseWith, type Validated } from '../validation/problem.ts';

/**
 * Validates a gateway config (already JSON-parsed): the schema first, then the cross-references
 * (stage → deployment, key → plan, plan → API/stage, REST-only features on HTTP APIs…).
 * Returns every problem found, never throws.
 */
export function parseConfig(data: unknown): Validated<GatewayConfig> {
  const parsed = parseWith(configSchema, data);
  if (!parsed.ok) return parsed;
  const problems = crossCheckConfig(parsed.value);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}
