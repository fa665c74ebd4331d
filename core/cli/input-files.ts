import { lintConfig, parseConfig, type GatewayConfig } from '../engine/config/index.ts';
import { parseScenario, type Scenario } from '../engine/scenario/index.ts';
import { formatProblem, type Problem } from '../engine/validation/problem.ts';
import { loadJsonFile } from '../node/load-json-file.ts';

export type InputKind = 'config' | 'scenario';

/** A checked input file: its value, or the lines (each naming the file) that say what is wrong. */
export type CheckedFile =
  | { ok: true; file: string; kind: 'config'; config: GatewayConfig; warnings: string[] }
  | { ok: true; file: string; kind: 'scenario'; scenario: Scenario }
  | { ok: false; file: string; errors: string[] };

const SCENARIO_KEYS = ['phases', 'concurrency', 'trace'];

/** One line per problem, prefixed with the file as the user named it. */
export function problemLines(file: string, problems: readonly Problem[], prefix = ''): string[] {
  return problems.map((problem) => `${file}: ${prefix}${formatProblem(problem)}`);
}

/**
 * The config's lint warnings as printed lines (`FILE: warning: path: message`); with a scenario, also the
 * warnings that need its traffic (bursts below its peak, query parameters missing from a cache key).
 */
export function lintLines(file: string, config: GatewayConfig, scenario?: Scenario): string[] {
  return problemLines(file, lintConfig(config, scenario), 'warning: ');
}

/** Tells a config from a scenario by the file's suffix, then by its content; null when neither fits. */
export function inputKind(file: string, value: unknown): InputKind | null {
  if (file.endsWith('.gatelab.json')) return 'config';
  if (file.endsWith('.scenario.json')) return 'scenario';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (SCENARIO_KEYS.some((key) => key in value)) return 'scenario';
  return 'apis' in value ? 'config' : null;
}

function checkValue(file: string, kind: InputKind, value: unknown): CheckedFile {
  if (kind === 'config') {
    const parsed = parseConfig(value);
    if (!parsed.ok) return { ok: false, file, errors: problemLines(file, parsed.problems) };
    return { ok: true, file, kind, config: parsed.value, warnings: lintLines(file, parsed.value) };
  }
  const parsed = parseScenario(value);
  if (!parsed.ok) return { ok: false, file, errors: problemLines(file, parsed.problems) };
  return { ok: true, file, kind, scenario: parsed.value };
}

/**
 * Reads, parses and validates an input file. `kind` forces how it is read; by default the suffix and
 * then the content decide. Never throws for bad input.
 */
export async function checkInputFile(file: string, kind?: InputKind): Promise<CheckedFile> {
  const loaded = await loadJsonFile(file);
  if (!loaded.ok) return { ok: false, file, errors: [loaded.message] };
  const resolved = kind ?? inputKind(file, loaded.value);
  if (resolved === null) {
    const message = `${file}: neither a gatelab config (no "apis") nor a scenario (no "phases", "concurrency" or "trace")`;
    return { ok: false, file, errors: [message] };
  }
  return checkValue(file, resolved, loaded.value);
}
