import type { RouteConfig } from './schema.ts';

/** The HTTP API catch-all route's path, and its route key. */
export const DEFAULT_ROUTE = '$default';

/** One segment of a route path: literal text, a `{name}` parameter or a greedy `{name+}` one. */
export type PathPart = { kind: 'static'; text: string } | { kind: 'param' | 'greedy'; name: string; text: string };

const PARAM_SEGMENT = /^\{([^{}]*?)(\+?)\}$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parsePart(segment: string): PathPart | string {
  if (!/[{}]/.test(segment)) return { kind: 'static', text: segment };
  const match = PARAM_SEGMENT.exec(segment);
  if (!match) return 'expected "{" and "}" only around a whole segment, as in "/pets/{id}"';
  const name = match[1] ?? '';
  if (!PARAM_NAME.test(name)) return `expected parameter names of letters, digits and "_" (not "${segment}")`;
  return { kind: match[2] === '+' ? 'greedy' : 'param', name, text: segment };
}

/**
 * Parses a route path such as `/pets/{id}` or `/files/{proxy+}` (not `$default`). Returns its
 * segments, or a message saying what was expected.
 */
export function parseRoutePathSyntax(path: string): PathPart[] | string {
  if (!path.startsWith('/')) return 'expected a path starting with "/"';
  if (path === '/') return [];
  if (/[\s?#]/.test(path)) return 'expected no spaces, "?" or "#" in a route path';
  const segments = path.slice(1).split('/');
  if (segments.includes('')) return 'expected no empty segments ("//" or a trailing "/")';
  const parts: PathPart[] = [];
  const names = new Set<string>();
  for (const [index, segment] of segments.entries()) {
    const part = parsePart(segment);
    if (typeof part === 'string') return part;
    if (part.kind !== 'static') {
      // As in API Gateway, a greedy parameter can only end the path, and each name appears once.
      if (part.kind === 'greedy' && index !== segments.length - 1)
        return `expected ${part.text} only as the last segment`;
      if (names.has(part.name)) return `expected each parameter name once ({${part.name}} twice)`;
      names.add(part.name);
    }
    parts.push(part);
  }
  return parts;
}

/** The route key that stage `methodSettings` and usage-plan throttles use: `METHOD /path`, or `$default`. */
export function routeKeyOf(route: RouteConfig): string {
  return route.path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `${route.method ?? 'ANY'} ${route.path}`;
}

/** Splits a `METHOD /path` key; null when it has another shape. */
export function splitRouteKey(key: string): { method: string; path: string } | null {
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  return match ? { method: match[1] ?? '', path: match[2] ?? '' } : null;
}
