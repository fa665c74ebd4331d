import { describe, expect, it } from 'vitest';
import {
  formatPath,
  getAt,
  insertAt,
  moveAt,
  pathKey,
  removeAt,
  renameKeyAt,
  setAt,
} from '../../../renderer/store/editor-paths.ts';

const doc = { apis: [{ id: 'a', stages: [{ name: 'prod', methodSettings: { '*/*': { throttlingRateLimit: 1 } } }] }] };

describe('editor paths', () => {
  it('formats paths the way gatelab validate prints them', () => {
    expect(formatPath(['apis', 0, 'stages', 1, 'methodSettings', '*/*', 'throttlingRateLimit'])).toBe(
      'apis[0].stages[1].methodSettings["*/*"].throttlingRateLimit',
    );
    expect(formatPath([])).toBe('(root)');
    expect(pathKey(['a', 0])).toBe('["a",0]');
  });

  it('reads a value, or undefined where the path leads nowhere', () => {
    expect(getAt(doc, ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'])).toBe(1);
    expect(getAt(doc, ['apis', 3, 'id'])).toBeUndefined();
    expect(getAt(doc, ['apis', 'x'])).toBeUndefined();
    expect(getAt('text', ['a'])).toBeUndefined();
  });

  it('sets a value copying only the path, creating objects and arrays on the way', () => {
    const next = setAt(doc, ['apis', 0, 'stages', 0, 'variables', 'color'], 'blue') as typeof doc;
    expect(getAt(next, ['apis', 0, 'stages', 0, 'variables'])).toEqual({ color: 'blue' });
    expect(next.apis[0]!.stages[0]!.methodSettings).toBe(doc.apis[0]!.stages[0]!.methodSettings);
    expect(getAt(doc, ['apis', 0, 'stages', 0, 'variables'])).toBeUndefined();
    expect(setAt({}, ['list', 0, 'x'], 1)).toEqual({ list: [{ x: 1 }] });
  });

  it('removes a key (or an array item) when set to undefined', () => {
    const next = setAt(doc, ['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit'], undefined);
    expect(getAt(next, ['apis', 0, 'stages', 0, 'methodSettings', '*/*'])).toEqual({});
    expect(setAt({ a: [1, 2, 3] }, ['a', 1], undefined)).toEqual({ a: [1, 3] });
  });

  it('inserts, removes and moves array items', () => {
    expect(insertAt({}, ['phases'], { rate: 1 })).toEqual({ phases: [{ rate: 1 }] });
    expect(insertAt({ a: [1, 3] }, ['a'], 2, 1)).toEqual({ a: [1, 2, 3] });
    expect(removeAt({ a: [1, 2, 3] }, ['a'], 0)).toEqual({ a: [2, 3] });
    const same = { a: [1] };
    expect(removeAt(same, ['a'], 5)).toBe(same);
    expect(moveAt({ a: [1, 2, 3] }, ['a'], 0, 2)).toEqual({ a: [2, 3, 1] });
    expect(moveAt(same, ['a'], 0, 1)).toBe(same);
  });

  it('renames a key in place, refusing a name already taken', () => {
    const vars = { v: { a: '1', b: '2', c: '3' } };
    expect(Object.keys((renameKeyAt(vars, ['v'], 'b', 'x') as typeof vars).v)).toEqual(['a', 'x', 'c']);
    expect(renameKeyAt(vars, ['v'], 'b', 'c')).toBe(vars);
    expect(renameKeyAt(vars, ['v'], 'zz', 'y')).toBe(vars);
  });
});
