import type { ApiConfig } from './schema.ts';
import { formatJsonPath, type PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

/** The message for a REST-only setting on an HTTP API (SPEC §2: a validation error). */
export function restOnly(api: ApiConfig, subject = ''): string {
  return `${subject}REST-only; API "${api.id}" is an HTTP API`;
}

/** The message for an HTTP-only setting on a REST API. */
export function httpOnly(api: ApiConfig, subject = ''): string {
  return `${subject}HTTP-only; API "${api.id}" is a REST API`;
}

/**
 * One problem for each item whose key an earlier item already has, located at the later item and
 * naming where the first one is.
 */
export function duplicateProblems<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  pathOf: (index: number) => PathSegment[],
  what: (key: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else
      problems.push({
        path: pathOf(index),
        message: `duplicate ${what(key)} (first at ${formatJsonPath(pathOf(earlier))})`,
      });
  });
  return problems;
}
