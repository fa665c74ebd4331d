import type { GatewayConfig } from './schema.ts';
import type { Problem } from '../validation/problem.ts';

/** Checks what the schema alone cannot: references between parts of the config. */
export function crossCheckConfig(_config: GatewayConfig): Problem[] {
  return [];
}
