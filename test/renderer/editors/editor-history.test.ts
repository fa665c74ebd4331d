import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, recordEdit, redoStep, undoStep } from '../../../renderer/store/editor-history.ts';

describe('editor history', () => {
  it('records a step per edit and coalesces rapid typing in one field', () => {
    let h = recordEdit(undefined, 'v0', 'rate', 0);
    h = recordEdit(h, 'v1', 'rate', 200);
    h = recordEdit(h, 'v2', 'rate', 200 + COALESCE_MS - 1);
    expect(h.past).toEqual(['v0']);
    h = recordEdit(h, 'v3', 'burst', 2000);
    h = recordEdit(h, 'v4', 'burst', 2000 + COALESCE_MS + 1);
    expect(h.past).toEqual(['v0', 'v3', 'v4']);
    h = recordEdit(h, 'v5', null, 5000);
    h = recordEdit(h, 'v6', null, 5001);
    expect(h.past).toHaveLength(5);
  });

  it('undoes and redoes, and a new edit clears what could be redone', () => {
    let h = recordEdit(recordEdit(undefined, 'a', null, 0), 'b', null, 1);
    const undone = undoStep(h, 'c')!;
    expect(undone.raw).toBe('b');
    const redone = redoStep(undone.history, 'b')!;
    expect(redone.raw).toBe('c');
    expect(redone.history.past).toEqual(['a', 'b']);
    h = recordEdit(undone.history, 'b', null, 2);
    expect(h.future).toEqual([]);
    expect(undoStep(undefined, 'x')).toBeNull();
    expect(redoStep(h, 'x')).toBeNull();
  });

  it('undo ends the typing run, so the next keystroke is a step of its own', () => {
    const h = recordEdit(recordEdit(undefined, 'a', 'rate', 0), 'b', 'burst', 10);
    const undone = undoStep(h, 'c')!;
    expect(recordEdit(undone.history, 'b', 'rate', 20).past).toEqual(['a', 'b']);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = recordEdit(undefined, 0, null, 0);
    for (let i = 1; i < HISTORY_LIMIT + 50; i++) h = recordEdit(h, i, null, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
