import { problemsFromZod, type Problem, type Validated } from '../validation/problem.ts';
import { crossCheckScenario } from './cross-check.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

const LOADS = ['phases', 'concurrency', 'trace'] as const;
const LOADS_TEXT = '"phases", "concurrency" or "trace"';

/** Exactly one load model; checked on the raw input so it is reported alongside the schema's problems. */
function checkLoadModel(data: unknown): Problem[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const given = LOADS.filter((key) => record[key] !== undefined);
  if (given.length === 1) return [];
  const message =
    given.length === 0
      ? `expected one of ${LOADS_TEXT}`
      : `expected only one of ${LOADS_TEXT}, got ${given.map((k) => JSON.stringify(k)).join(' and ')}`;
  return [{ path: [], message }];
}

/**
 * Validates a scenario (already JSON-parsed): the schema, exactly one of `phases`, `concurrency` and
 * `trace`, then the cross-references (path parameters, client names). Returns every problem found,
 * never throws.
 */
export function parseScenario(data: unknown): Validated<Scenario> {
  const problems = checkLoadModel(data);
  const result = scenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { ok: false, problems: [...problems, ...problemsFromZod(result.error.issues)] };
  const scenario = result.data as Scenario;
  problems.push(...crossCheckScenario(scenario));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: scenario };
}
