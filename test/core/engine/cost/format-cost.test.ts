import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatRequests } from '../../../../core/engine/cost/format-cost.ts';

describe('cost formatting', () => {
  it('groups digits and shows cents without the host locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1000)).toBe('-1,000');
    expect(formatMoney(48253.1, 'USD')).toBe('$48,253.10');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(0.0000035, 'USD')).toBe('<$0.01');
    expect(formatMoney(12.345, 'EUR')).toBe('12.35 EUR');
  });

  it('writes large request counts in millions and billions', () => {
    expect(formatRequests(999_999)).toBe('999,999');
    expect(formatRequests(196_171_200)).toBe('196.2M');
    expect(formatRequests(20_000_000_000)).toBe('20B');
  });
});
