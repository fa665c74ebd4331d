import { describe, expect, it } from 'vitest';
import { MAX_CACHEABLE_BODY_BYTES, StageCache, utf8Length } from '../../../../core/engine/cache/stage-cache.ts';

const GIB = 2 ** 30;
const response = (body: string, headers: Record<string, string> = {}) => ({ status: 200, headers, body });

describe('StageCache (SPEC §4, §9 cache defaults)', () => {
  it('sizes the cluster in GiB', () => {
    expect(new StageCache('s', '0.5').capacityBytes).toBe(GIB / 2);
    expect(new StageCache('s', '1.6').capacityBytes).toBe(Math.round(1.6 * GIB));
    expect(new StageCache('s', '237').capacityBytes).toBe(237 * GIB);
  });

  it('counts an entry as its body plus header bytes (name, value and 4 bytes of framing each)', () => {
    const cache = new StageCache('s', '0.5');
    cache.set('a', response('hello', { 'content-type': 'application/json' }), 1000, 0);
    expect(cache.usedBytes).toBe(5 + 'content-type'.length + 'application/json'.length + 4);
    cache.set('b', response('é€'), 1000, 0);
    expect(cache.usedBytes).toBe(37 + 5);
    expect(cache.entryCount).toBe(2);
  });

  it('counts bytes, not characters', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('🐶')).toBe(4);
  });

  it('refuses a body over 1,048,576 bytes and accepts one of exactly that size', () => {
    const cache = new StageCache('s', '0.5');
    expect(MAX_CACHEABLE_BODY_BYTES).toBe(1_048_576);
    expect(cache.set('over', response('x'.repeat(1_048_577)), 1000, 0)).toBe(false);
    expect(cache.get('over', 0)).toBeUndefined();
    // 524,289 two-byte characters: under the limit in characters, over it in bytes.
    expect(cache.set('wide', response('é'.repeat(524_289)), 1000, 0)).toBe(false);
    expect(cache.set('edge', response('x'.repeat(1_048_576)), 1000, 0)).toBe(true);
    expect(cache.usedBytes).toBe(1_048_576);
  });

  it('expires an entry when now ≥ storedAt + ttl', () => {
    const cache = new StageCache('s', '0.5');
    cache.set('k', response('v'), 300_000, 1000);
    expect(cache.get('k', 300_999)?.body).toBe('v');
    expect(cache.get('k', 301_000)).toBeUndefined();
    expect(cache.entryCount).toBe(0);
  });

  it('evicts the least recently used entries once the bytes exceed the cluster size', () => {
    const cache = new StageCache('s', '0.5');
    // 512 bodies of 1 MiB fill 0.5 GiB exactly (one shared string, so the test stays light).
    const body = 'x'.repeat(1_048_576);
    for (let i = 0; i < 512; i++) cache.set(`k${i}`, response(body), 3_600_000, 0);
    expect(cache.entryCount).toBe(512);
    expect(cache.usedBytes).toBe(GIB / 2);
    // Touch k0 so that k1 is now the least recently used.
    expect(cache.get('k0', 1)).toBeDefined();
    cache.set('new', response(body), 3_600_000, 1);
    expect(cache.entryCount).toBe(512);
    expect(cache.get('k1', 2)).toBeUndefined();
    expect(cache.get('k0', 2)).toBeDefined();
    expect(cache.get('new', 2)).toBeDefined();
    // One small entry more needs room too: the next least recently used goes.
    cache.set('small', response('s'), 3_600_000, 3);
    expect(cache.get('k2', 4)).toBeUndefined();
    expect(cache.usedBytes).toBeLessThanOrEqual(GIB / 2);
  });

  it('replaces an entry under the same key and frees its bytes', () => {
    const cache = new StageCache('s', '0.5');
    cache.set('k', response('x'.repeat(100)), 1000, 0);
    cache.set('k', response('y'), 1000, 0);
    expect(cache.usedBytes).toBe(1);
    expect(cache.get('k', 0)?.body).toBe('y');
    cache.clear();
    expect(cache.entryCount).toBe(0);
    expect(cache.usedBytes).toBe(0);
  });
});
