import type { z } from 'zod';
import { formatJsonPath, type PathSegment } from './json-path.ts';
import { describeValue, suggestName } from './describe.ts';

/** One thing wrong with an input file, located by its JSON path. */
export interface Problem {
  path: PathSegment[];
  message: string;
}

/** The result of validating a file: the parsed value, or every problem found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** One line per problem: `path: message`. */
export function formatProblem(problem: Problem): string {
  return `${formatJsonPath(problem.path)}: ${problem.message}`;
}

type Issue = z.core.$ZodIssue;

const KNOWN_KEYS_PREFIX = 'unknown key; known keys: ';

/**
 * The message a strict object gives for unknown keys. It carries the known keys so that
 * {@link problemsFromZod} can suggest the closest one for each unknown key.
 */
export function unknownKeysMessage(knownKeys: readonly string[]): string {
  return KNOWN_KEYS_PREFIX + JSON.stringify(knownKeys);
}

function unknownKeyProblem(key: string, issueMessage: string): string {
  if (!issueMessage.startsWith(KNOWN_KEYS_PREFIX)) return 'unknown key';
  const known = JSON.parse(issueMessage.slice(KNOWN_KEYS_PREFIX.length)) as string[];
  const close = suggestName(key, known);
  if (close !== null) return `unknown key, did you mean ${JSON.stringify(close)}?`;
  if (known.length <= 5) return `unknown key, expected one of ${known.map((k) => JSON.stringify(k)).join(', ')}`;
  return 'unknown key';
}

const TYPE_NOUNS: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

function isRootTypeMismatch(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/**
 * A union such as `number | { p50, p99 }` reports only "invalid input" when the branch of the right
 * type has a nested problem. When exactly one branch accepted the value's type, its own issues
 * (`latencyMs.p99: required`) are the useful ones, so they replace the union's.
 */
function unwrapUnions(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      out.push(issue);
      continue;
    }
    const matching = issue.errors.filter((branch) => !branch.some(isRootTypeMismatch));
    const branch = matching.length === 1 ? matching[0] : undefined;
    if (branch === undefined || branch.length === 0) out.push(issue);
    else out.push(...unwrapUnions(branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }))));
  }
  return out;
}

/** The value an issue is about: for a discriminated union, the discriminator rather than the whole object. */
function issueInput(issue: Issue): unknown {
  const input = (issue as { input?: unknown }).input;
  const discriminator = (issue as { discriminator?: unknown }).discriminator;
  if (issue.code !== 'invalid_union' || typeof discriminator !== 'string') return input;
  if (input === null || typeof input !== 'object') return input;
  return (input as Record<string, unknown>)[discriminator];
}

function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    return `expected ${TYPE_NOUNS[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_union' && issue.message.startsWith('Invalid input')) {
    return 'expected a value of another shape';
  }
  return issue.message;
}

/**
 * Turns zod issues into Gatelab problems: one per unknown key (with a "did you mean" when a known key
 * is close), `required: …` for a missing field, and `…, got <value>` otherwise.
 */
export function problemsFromZod(issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of unwrapUnions(issues)) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ path: [...path, key], message: unknownKeyProblem(key, issue.message) });
      continue;
    }
    const message = issueMessage(issue);
    const input = issueInput(issue);
    const missing = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
    if (input === undefined && missing) problems.push({ path, message: `required: ${message}` });
    else problems.push({ path, message: `${message}, got ${describeValue(input)}` });
  }
  return problems;
}

/** Runs a zod schema with inputs reported, so each message can say what it got. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsFromZod(result.error.issues) };
}
