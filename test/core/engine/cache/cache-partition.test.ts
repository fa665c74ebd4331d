import fc from 'fast-check';
import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { StageCache } from '../../../../core/engine/cache/stage-cache.ts';

const response = (body: string) => ({ status: 200, headers: {}, body });
/** 0.000001 GiB = 1,074 bytes: small enough to evict with short bodies. */
const TINY = '0.000001';

describe('CachePartition', () => {
  it('gives the same partition for the same name, and keeps keys apart between partitions', () => {
    const cache = new StageCache('s', '0.5');
    const a = cache.partition('GET /a');
    expect(cache.partition('GET /a')).toBe(a);
    const b = cache.partition('GET /b');
    a.set('1', response('a1'), 1000, 0);
    b.set('1', response('b1'), 1000, 0);
    expect(a.get('1', 0)?.body).toBe('a1');
    expect(b.get('1', 0)?.body).toBe('b1');
    expect(cache.get('1', 0)).toBeUndefined();
    expect(cache.entryCount).toBe(2);
  });

  it('keeps the null key apart from every string, the empty one included', () => {
    const partition = new StageCache('s', '0.5').partition('p');
    partition.set(null, response('absent'), 1000, 0);
    expect(partition.get('', 0)).toBeUndefined();
    partition.set('', response('empty'), 1000, 0);
    expect(partition.get(null, 0)?.body).toBe('absent');
    expect(partition.get('', 0)?.body).toBe('empty');
  });

  it('takes keys such as __proto__ and array indexes as plain keys', () => {
    const partition = new StageCache('s', '0.5').partition('p');
    for (const key of ['__proto__', 'constructor', '0', '4294967295', '-1', '01']) {
      expect(partition.get(key, 0)).toBeUndefined();
      partition.set(key, response(`v${key}`), 1000, 0);
    }
    for (const key of ['__proto__', 'constructor', '0', '4294967295', '-1', '01']) {
      expect(partition.get(key, 0)?.body).toBe(`v${key}`);
    }
    expect(partition.get('1', 0)).toBeUndefined();
  });

  it('evicts the least recently used entry of any partition once the bytes exceed the cluster', () => {
    const cache = new StageCache('s', TINY);
    expect(cache.capacityBytes).toBe(1074);
    const a = cache.partition('a');
    const b = cache.partition('b');
    const body = 'x'.repeat(300);
    a.set('1', response(body), 1000, 0);
    b.set('1', response(body), 1000, 0);
    a.set('2', response(body), 1000, 0);
    expect(a.get('1', 1)).toBeDefined();
    b.set('2', response(body), 1000, 2);
    expect(b.get('1', 3)).toBeUndefined();
    expect(a.get('1', 3)).toBeDefined();
    expect(cache.entryCount).toBe(3);
    expect(cache.usedBytes).toBe(900);
  });

  it('drops an expired entry when read, freeing its bytes, and empties every partition on clear', () => {
    const cache = new StageCache('s', '0.5');
    const partition = cache.partition('p');
    partition.set('k', response('abc'), 1000, 5);
    expect(partition.get('k', 1004)?.body).toBe('abc');
    expect(partition.get('k', 1005)).toBeUndefined();
    expect(cache.usedBytes).toBe(0);
    partition.set('k', response('abc'), 1000, 0);
    partition.set(null, response('abc'), 1000, 0);
    cache.clear();
    expect([partition.get('k', 0), partition.get(null, 0), cache.entryCount, cache.usedBytes]).toEqual([
      undefined,
      undefined,
      0,
      0,
    ]);
    expect(cache.partition('p')).toBe(partition);
  });

  it('evicts, expires and counts exactly as lru-cache with a byte limit does', () => {
    const op = fc.record({
      kind: fc.constantFrom('get', 'get', 'set'),
      partition: fc.constantFrom('a', 'b'),
      key: fc.constantFrom(null, '', '1', '2', '3', '10', 'x'),
      bytes: fc.oneof(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 1000, max: 1200 })),
      ttl: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(10_000)),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 200, size: 'max' }), (ops) => {
        const cache = new StageCache('s', TINY);
        const model = new LRUCache<string, { body: string; expiresAt: number; size: number }>({
          maxSize: cache.capacityBytes,
          sizeCalculation: (entry) => entry.size,
        });
        ops.forEach(({ kind, partition, key, bytes, ttl }, now) => {
          const id = `${partition}|${key === null ? 'null' : `=${key}`}`;
          if (kind === 'set') {
            const body = 'y'.repeat(bytes);
            const stored = cache.partition(partition).set(key, response(body), ttl, now);
            // A response larger than the whole cluster is refused and leaves the key as it was.
            expect(stored).toBe(bytes <= cache.capacityBytes);
            if (stored) model.set(id, { body, expiresAt: now + ttl, size: Math.max(1, bytes) });
          } else {
            let expected = model.get(id);
            if (expected !== undefined && now >= expected.expiresAt) {
              model.delete(id);
              expected = undefined;
            }
            expect(cache.partition(partition).get(key, now)?.body).toBe(expected?.body);
          }
          expect([cache.entryCount, cache.usedBytes]).toEqual([model.size, model.calculatedSize]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
