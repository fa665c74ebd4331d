import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { listNames, suggestName } from '../../../../core/engine/validation/describe.ts';
import { formatProblem, parseWith } from '../../../../core/engine/validation/problem.ts';

const lines = (schema: z.ZodType, data: unknown): string[] => {
  const parsed = parseWith(schema, data);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
};

describe('formatProblem', () => {
  it('writes identifier keys with dots and other keys in quoted brackets', () => {
    const path = ['apis', 0, 'stages', 1, 'methodSettings', 'GET /pets/{id}', 'throttlingRateLimit'];
    expect(formatProblem({ path, message: 'expected a number' })).toBe(
      'apis[0].stages[1].methodSettings["GET /pets/{id}"].throttlingRateLimit: expected a number',
    );
    expect(formatProblem({ path: [], message: 'expected an object' })).toBe('(root): expected an object');
  });
});

describe('problemsFromZod', () => {
  it("rewrites zod's default type messages and cuts long values short", () => {
    const schema = z.object({ list: z.array(z.string()), flag: z.boolean() });
    expect(lines(schema, { list: 'x'.repeat(80), flag: 1 })).toEqual([
      `list: expected an array, got "${'x'.repeat(56)}...`,
      'flag: expected true or false, got 1',
    ]);
  });

  it('says "required" for a missing field, whatever kind of check failed', () => {
    const schema = z.object({
      version: z.literal(1, { error: 'expected 1' }),
      kind: z.enum(['a', 'b'], { error: 'expected "a" or "b"' }),
    });
    expect(lines(schema, {})).toEqual(['version: required: expected 1', 'kind: required: expected "a" or "b"']);
  });
});

describe('describe helpers', () => {
  it('suggests a known name for a typo or a case slip, and nothing for a stranger', () => {
    expect(suggestName('cachingenabled', ['cachingEnabled', 'cacheTtlInSeconds'])).toBe('cachingEnabled');
    expect(suggestName('deploymentID', ['deploymentId'])).toBe('deploymentId');
    expect(suggestName('varibles', ['variables', 'name'])).toBe('variables');
    expect(suggestName('colour', ['name', 'variables'])).toBeNull();
  });

  it('lists distinct names, shortening long lists', () => {
    expect(listNames([])).toBe('none');
    expect(listNames(['d1', 'd2', 'd1'])).toBe('d1, d2');
    expect(listNames(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])).toBe('a, b, c, d, e, f, g, h and 2 more');
  });
});
