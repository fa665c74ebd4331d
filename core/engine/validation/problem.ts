import type { z } from 'zod';
import { formatJsonPath, type PathSegment } from './json-path.ts';

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

function describeValue(input: unknown): string {
  if (input === undefined) return 'nothing';
  const text = JSON.stringify(input);
  if (text === undefined) return String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Turns zod issues into Gatelab problems, expanding each unknown key into its own line. */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: 'unknown key' });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message.startsWith('Invalid input')) {
      problems.push({ path, message: 'expected a value of another shape' });
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.code === 'invalid_type') {
      problems.push({ path, message: `required: ${issue.message}` });
      continue;
    }
    problems.push({ path, message: `${issue.message}, got ${describeValue(input)}` });
  }
  return problems;
}

/** Runs a zod schema with inputs reported, so each message can say what it got. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsFromZod(result.error.issues) };
}
