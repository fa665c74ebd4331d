/** One segment of a route path template. */
export type TemplateSegment =
  { kind: 'static'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

/** Splits a route path template such as `/pets/{id}` or `/files/{proxy+}` into segments. */
export function parseRoutePath(path: string): TemplateSegment[] {
  if (path === '/' || path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((part): TemplateSegment => {
      if (part.startsWith('{') && part.endsWith('+}')) return { kind: 'greedy', name: part.slice(1, -2) };
      if (part.startsWith('{') && part.endsWith('}')) return { kind: 'param', name: part.slice(1, -1) };
      return { kind: 'static', value: part };
    });
}

export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether `path` has `text` at `pos`. A char loop rather than `startsWith`: this runs several times per
 * request on short names, where the builtin's call and argument checks cost more than the comparison.
 */
export function hasTextAt(path: string, pos: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (path.charCodeAt(pos + i) !== text.charCodeAt(i)) return false;
  return true;
}
