import type { DocumentKind, FieldProblem, LoadedDocument } from '../../contract/lab-api.ts';
import { lintConfig } from '../../engine/config/lint-config.ts';
import { parseConfig } from '../../engine/config/parse-config.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { parseScenario } from '../../engine/scenario/parse-scenario.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { formatJsonPath } from '../../engine/validation/json-path.ts';
import { parseJsonText } from '../../engine/validation/json-text.ts';
import type { Problem } from '../../engine/validation/problem.ts';

/** A validated config or scenario, told apart by `kind`. */
export type AnyLoadedDocument = LoadedDocument<GatewayConfig> | LoadedDocument<Scenario>;

/** An engine problem as the UI shows it: the path both as segments and as `gatelab validate` prints it. */
export function fieldProblem(problem: Problem): FieldProblem {
  return { path: [...problem.path], pathText: formatJsonPath(problem.path), message: problem.message };
}

/** Text is JSON to parse (its faults reported with line and column); anything else is already parsed. */
function readData(data: unknown): { ok: true; value: unknown } | { ok: false; problem: FieldProblem } {
  if (typeof data !== 'string') return { ok: true, value: data };
  const parsed = parseJsonText(data);
  if (parsed.ok) return parsed;
  const message = `malformed JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}`;
  return { ok: false, problem: { path: [], pathText: formatJsonPath([]), message } };
}

/** Validates a config: schema and cross-reference errors, and lint warnings when it is valid. */
export function validateConfigDocument(data: unknown, source: string | null): LoadedDocument<GatewayConfig> {
  const read = readData(data);
  const base = { kind: 'config' as const, source, raw: read.ok ? read.value : data };
  if (!read.ok) return { ...base, ok: false, value: null, errors: [read.problem], warnings: [] };
  const parsed = parseConfig(read.value);
  if (!parsed.ok) return { ...base, ok: false, value: null, errors: parsed.problems.map(fieldProblem), warnings: [] };
  const warnings = lintConfig(parsed.value).map(fieldProblem);
  return { ...base, ok: true, value: parsed.value, errors: [], warnings };
}

/** Validates a scenario: every schema and cross-reference error at its path. */
export function validateScenarioDocument(data: unknown, source: string | null): LoadedDocument<Scenario> {
  const read = readData(data);
  const base = { kind: 'scenario' as const, source, raw: read.ok ? read.value : data };
  if (!read.ok) return { ...base, ok: false, value: null, errors: [read.problem], warnings: [] };
  const parsed = parseScenario(read.value);
  if (!parsed.ok) return { ...base, ok: false, value: null, errors: parsed.problems.map(fieldProblem), warnings: [] };
  return { ...base, ok: true, value: parsed.value, errors: [], warnings: [] };
}

/** Validates a document of either kind. */
export function validateDocument(kind: DocumentKind, data: unknown, source: string | null): AnyLoadedDocument {
  return kind === 'config' ? validateConfigDocument(data, source) : validateScenarioDocument(data, source);
}

/** The kind a file name implies, by the suffixes of SPEC §2 and §6. */
export function kindOfFileName(name: string): DocumentKind | null {
  if (name.endsWith('.gatelab.json')) return 'config';
  if (name.endsWith('.scenario.json')) return 'scenario';
  return null;
}
