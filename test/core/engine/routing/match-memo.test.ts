import { describe, expect, it } from 'vitest';
import { MatchMemo } from '../../../../core/engine/routing/match-memo.ts';

describe('MatchMemo', () => {
  it('remembers by method, path and start index', () => {
    const memo = new MatchMemo<string | null>();
    memo.set('GET', '/prod/a', 5, 'a');
    memo.set('POST', '/prod/a', 5, null);
    expect(memo.get('GET', '/prod/a', 5)).toBe('a');
    expect(memo.get('POST', '/prod/a', 5)).toBeNull();
    expect(memo.get('PUT', '/prod/a', 5)).toBeUndefined();
    expect(memo.get('GET', '/prod/a', 0)).toBeUndefined();
    expect(memo.get('GET', '/prod/b', 5)).toBeUndefined();
    memo.clear();
    expect(memo.get('GET', '/prod/a', 5)).toBeUndefined();
  });

  it('starts over at its bound while paths repeat', () => {
    const memo = new MatchMemo<number>();
    for (let i = 0; i < 16_384; i++) {
      memo.set('GET', `/p/${i}`, 2, i);
      memo.get('GET', `/p/${i}`, 2);
    }
    memo.set('GET', '/p/last', 2, -1);
    expect(memo.get('GET', '/p/0', 2)).toBeUndefined();
    expect(memo.get('GET', '/p/last', 2)).toBe(-1);
  });

  it('stops remembering when every path is new', () => {
    const memo = new MatchMemo<number>();
    for (let i = 0; i <= 16_384; i++) memo.set('GET', `/p/${i}`, 2, i);
    memo.set('GET', '/p/again', 2, 1);
    expect(memo.get('GET', '/p/again', 2)).toBeUndefined();
  });
});
