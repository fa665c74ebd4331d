import { describe, expect, it } from 'vitest';
import { QuotaCounter } from '../../../../core/engine/quota/quota-counter.ts';
import { periodEnd, periodStart } from '../../../../core/engine/quota/quota-period.ts';

const at = (iso: string) => Date.parse(iso);

describe('quota periods (SPEC §3 Decisions: calendar periods in UTC, weeks from Monday)', () => {
  it('starts a DAY at 00:00 UTC', () => {
    expect(periodStart('DAY', at('2026-03-10T23:59:59.999Z'))).toBe(at('2026-03-10T00:00:00Z'));
    expect(periodEnd('DAY', at('2026-03-10T00:00:00Z'))).toBe(at('2026-03-11T00:00:00Z'));
  });

  it('starts a WEEK on Monday, whatever the day', () => {
    for (const day of ['09', '10', '11', '12', '13', '14', '15']) {
      expect(periodStart('WEEK', at(`2026-03-${day}T12:00:00Z`))).toBe(at('2026-03-09T00:00:00Z'));
    }
    expect(periodStart('WEEK', at('2026-03-16T00:00:00Z'))).toBe(at('2026-03-16T00:00:00Z'));
    expect(periodEnd('WEEK', at('2026-03-09T00:00:00Z'))).toBe(at('2026-03-16T00:00:00Z'));
    // Before 1970's first Monday, too.
    expect(periodStart('WEEK', at('1970-01-01T00:00:00Z'))).toBe(at('1969-12-29T00:00:00Z'));
  });

  it('uses calendar months of every length', () => {
    expect(periodStart('MONTH', at('2028-02-29T23:00:00Z'))).toBe(at('2028-02-01T00:00:00Z'));
    expect(periodEnd('MONTH', at('2028-02-01T00:00:00Z'))).toBe(at('2028-03-01T00:00:00Z'));
    expect(periodEnd('MONTH', at('2026-12-01T00:00:00Z'))).toBe(at('2027-01-01T00:00:00Z'));
  });
});

describe('QuotaCounter (SPEC §9 quota)', () => {
  const START = at('2026-03-10T10:00:00Z');
  const counter = (limit: number, offset = 0, period: 'DAY' | 'WEEK' | 'MONTH' = 'DAY') =>
    new QuotaCounter('quota:p:k', { limit, period, offset }, START, START);

  it('admits the first request of a new period after an exhausted one', () => {
    const quota = counter(1);
    expect(quota.tryConsume(START)).toBe(true);
    expect(quota.tryConsume(at('2026-03-10T23:59:59.999Z'))).toBe(false);
    expect(quota.tryConsume(at('2026-03-11T00:00:00Z'))).toBe(true);
    expect(quota.used).toBe(1);
  });

  it('counts nothing for a refused request', () => {
    const quota = counter(2);
    quota.tryConsume(START);
    quota.tryConsume(START);
    expect(quota.tryConsume(START)).toBe(false);
    expect(quota.used).toBe(2);
    expect(quota.remaining(START)).toBe(0);
  });

  it('subtracts offset in the period containing the start only', () => {
    const quota = counter(10, 3);
    expect(quota.limitAt(START)).toBe(7);
    expect(quota.limitAt(at('2026-03-11T00:00:00Z'))).toBe(10);
  });

  it('moves the offset to the new kind of period when the period changes', () => {
    const quota = counter(10, 3, 'DAY');
    quota.tryConsume(START);
    quota.reconfigure({ limit: 10, period: 'WEEK', offset: 3 }, at('2026-03-12T00:00:00Z'));
    // The week of 2026-03-09 contains the start (a Tuesday): the offset applies to it.
    expect(quota.limitAt(at('2026-03-12T00:00:00Z'))).toBe(7);
    expect(quota.resetsAt(at('2026-03-12T00:00:00Z'))).toBe(at('2026-03-16T00:00:00Z'));
    expect(quota.limitAt(at('2026-03-16T00:00:00Z'))).toBe(10);
  });

  it('keeps usage when only the limit changes', () => {
    const quota = counter(10);
    quota.tryConsume(START);
    quota.tryConsume(START);
    quota.reconfigure({ limit: 5, period: 'DAY', offset: 0 }, START);
    expect(quota.remaining(START)).toBe(3);
  });

  it('reads engine times relative to epochMs', () => {
    // Engine time 0 is START: the day ends 14 hours later.
    const quota = new QuotaCounter('quota:p:k', { limit: 1, period: 'DAY', offset: 0 }, START, 0, START);
    expect(quota.tryConsume(0)).toBe(true);
    expect(quota.tryConsume(14 * 3_600_000 - 1)).toBe(false);
    expect(quota.resetsAt(0)).toBe(at('2026-03-11T00:00:00Z'));
    expect(quota.tryConsume(14 * 3_600_000)).toBe(true);
  });
});
