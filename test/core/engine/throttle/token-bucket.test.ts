import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketRegistry } from '../../../../core/engine/throttle/bucket-registry.ts';
import { TokenBucket } from '../../../../core/engine/throttle/token-bucket.ts';
import { modelBucket, modelHasToken, modelRefill, windowViolation } from './window-bound.ts';

const RUNS = { numRuns: 300, seed: 20_260_101 };

/** Sorted arrival times in ms (equal times allowed), built from gaps. */
const arrivals = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3000 })), {
    maxLength: 150,
  })
  .map((gaps) => {
    let t = 0;
    return gaps.map((gap) => (t += gap));
  });
const rate = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const burstLimit = fc.integer({ min: 0, max: 30 });

function admitted(times: readonly number[], r: number, b: number): number[] {
  const bucket = new TokenBucket('b', r, b, 0);
  const out: number[] = [];
  for (const t of times) {
    if (bucket.hasToken(t)) {
      bucket.take();
      out.push(t);
    }
  }
  return out;
}

describe('TokenBucket (SPEC §3 Decisions, §9 arithmetic)', () => {
  it('starts full, refills continuously and caps at the burst', () => {
    const bucket = new TokenBucket('b', 4, 3, 1000);
    expect(bucket.levelAt(1000)).toBe(3);
    for (let i = 0; i < 3; i++) bucket.take();
    expect(bucket.hasToken(1000)).toBe(false);
    expect(bucket.levelAt(1125)).toBe(0.5);
    expect(bucket.hasToken(1250)).toBe(true);
    expect(bucket.levelAt(9000)).toBe(3);
  });

  it('admits at exactly one token despite float drift', () => {
    // 0.1/s for ten 1 s steps adds 0.1 ten times: 0.9999999999999999 in floats, admitted by the tolerance.
    const bucket = new TokenBucket('b', 0.1, 1, 0);
    bucket.take();
    for (let t = 1000; t < 10_000; t += 1000) expect(bucket.hasToken(t)).toBe(false);
    expect(bucket.hasToken(10_000)).toBe(true);
  });

  it('clamps the level to a smaller burst on reconfigure, and keeps it under a larger one', () => {
    const bucket = new TokenBucket('b', 0, 10, 0);
    bucket.take();
    bucket.reconfigure(0, 4, 0);
    expect(bucket.levelAt(0)).toBe(4);
    bucket.reconfigure(1, 20, 0);
    expect(bucket.levelAt(0)).toBe(4);
    expect(bucket.levelAt(2000)).toBe(6);
  });

  it('never admits more than burst + rate·d in any window (property)', () => {
    fc.assert(
      fc.property(arrivals, rate, burstLimit, (times, r, b) => {
        expect(windowViolation(admitted(times, r, b), r, b)).toBeNull();
      }),
      RUNS,
    );
  });

  it('admits exactly what the SPEC §9 arithmetic admits (property)', () => {
    fc.assert(
      fc.property(arrivals, rate, burstLimit, (times, r, b) => {
        const model = modelBucket(r, b);
        const expected = times.filter((t) => {
          modelRefill(model, t);
          if (!modelHasToken(model)) return false;
          model.level -= 1;
          return true;
        });
        expect(admitted(times, r, b)).toEqual(expected);
      }),
      RUNS,
    );
  });
});

describe('BucketRegistry (SPEC §9 bucket ids, hot-apply)', () => {
  it('returns no bucket for an unlimited layer', () => {
    const registry = new BucketRegistry();
    expect(registry.acquire('x', { rate: -1, burst: 5 }, 0)).toBeNull();
    expect(registry.acquire('y', { rate: 5, burst: -1 }, 0)).toBeNull();
    expect([...registry.all()]).toEqual([]);
  });

  it('keeps buckets acquired again during a rebuild and drops the others', () => {
    const registry = new BucketRegistry();
    const kept = registry.acquire('kept', { rate: 0, burst: 5 }, 0)!;
    registry.acquire('gone', { rate: 0, burst: 5 }, 0);
    kept.take();
    registry.beginRebuild();
    expect(registry.acquire('kept', { rate: 0, burst: 5 }, 10)).toBe(kept);
    registry.endRebuild();
    expect([...registry.all()].map((b) => b.id)).toEqual(['kept']);
    expect(kept.levelAt(10)).toBe(4);
  });
});
