import { describe, expect, it } from 'vitest';
import { parseRoutePathSyntax, splitRouteKey } from '../../../../core/engine/config/route-syntax.ts';

describe('parseRoutePathSyntax', () => {
  it('splits static, parameter and greedy segments', () => {
    expect(parseRoutePathSyntax('/')).toEqual([]);
    expect(parseRoutePathSyntax('/pets/{id}/files/{proxy+}')).toEqual([
      { kind: 'static', text: 'pets' },
      { kind: 'param', name: 'id', text: '{id}' },
      { kind: 'static', text: 'files' },
      { kind: 'greedy', name: 'proxy', text: '{proxy+}' },
    ]);
  });

  it('says what was expected for malformed paths', () => {
    expect(parseRoutePathSyntax('')).toBe('expected a path starting with "/"');
    expect(parseRoutePathSyntax('/a/{}')).toBe('expected parameter names of letters, digits and "_" (not "{}")');
    expect(parseRoutePathSyntax('/a/{{id}}')).toBe(
      'expected "{" and "}" only around a whole segment, as in "/pets/{id}"',
    );
    expect(parseRoutePathSyntax('/a/id}')).toBe('expected "{" and "}" only around a whole segment, as in "/pets/{id}"');
    expect(parseRoutePathSyntax('/{a+}/{b}')).toBe('expected {a+} only as the last segment');
  });
});

describe('splitRouteKey', () => {
  it('splits "METHOD /path" keys and rejects other shapes', () => {
    expect(splitRouteKey('GET /pets/{id}')).toEqual({ method: 'GET', path: '/pets/{id}' });
    expect(splitRouteKey('*/*')).toBeNull();
    expect(splitRouteKey('GET pets')).toBeNull();
    expect(splitRouteKey('GET  /pets')).toBeNull();
  });
});
