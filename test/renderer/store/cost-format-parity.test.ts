import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as engine from '../../../core/engine/cost/format-cost.ts';
import * as view from '../../../renderer/store/cost-view.ts';

/**
 * The renderer may not import core's runtime code, so it keeps its own copy of the cost formatters; the dashboard
 * must still show the same strings as the CLI summary and the HTML report.
 */
describe('cost formatting: dashboard and reports agree', () => {
  const amounts = [0, 0.004, 0.005, 0.5, 1, 3.5, 14.6, 469.21, 1234.5, 2774, 1_000_000.126];

  it('formats money the same way', () => {
    for (const amount of amounts) expect(view.formatMoney(amount, 'USD')).toBe(engine.formatMoney(amount, 'USD'));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (amount) => {
        expect(view.formatMoney(amount, 'USD')).toBe(engine.formatMoney(amount, 'USD'));
      }),
    );
  });

  it('formats request counts the same way', () => {
    for (const value of [0, 1, 999, 1000, 45_400_000, 129_900_000, 2.5e9]) {
      expect(view.formatRequests(value)).toBe(engine.formatRequests(value));
    }
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (value) => {
        expect(view.formatRequests(value)).toBe(engine.formatRequests(value));
      }),
    );
  });
});
