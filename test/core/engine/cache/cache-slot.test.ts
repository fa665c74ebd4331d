import { describe, expect, it } from 'vitest';
import { StageCache } from '../../../../core/engine/cache/stage-cache.ts';

const response = (body: string) => ({ status: 200, headers: {}, body });
/** 0.000001 GiB = 1,074 bytes: small enough to evict with short bodies. */
const TINY = '0.000001';

describe('CacheSlot', () => {
  it('is the same slot for a key while its entry lives, overwrites included', () => {
    const partition = new StageCache('s', '0.5').partition('p');
    expect(partition.slotOf('1')).toBeUndefined();
    partition.set('1', response('a'), 1000, 0);
    const slot = partition.slotOf('1')!;
    partition.set('1', response('b'), 1000, 0);
    expect(partition.slotOf('1')).toBe(slot);
    expect(slot.live).toBe(true);
    expect(partition.read(slot, 0)?.body).toBe('b');
  });

  it('dies when its entry expires, is evicted or is flushed', () => {
    const cache = new StageCache('s', TINY);
    const partition = cache.partition('p');
    const body = 'x'.repeat(300);
    partition.set('old', response(body), 10, 0);
    const expired = partition.slotOf('old')!;
    expect(partition.read(expired, 10)).toBeUndefined();
    expect(expired.live).toBe(false);

    partition.set('1', response(body), 1000, 0);
    const evicted = partition.slotOf('1')!;
    for (const key of ['2', '3', '4']) partition.set(key, response(body), 1000, 0);
    expect(evicted.live).toBe(false);
    expect(partition.slotOf('1')).toBeUndefined();

    partition.set(null, response('absent'), 1000, 0);
    const flushed = [partition.slotOf('4')!, partition.slotOf(null)!];
    cache.clear();
    expect(flushed.map((slot) => slot.live)).toEqual([false, false]);
  });
});
