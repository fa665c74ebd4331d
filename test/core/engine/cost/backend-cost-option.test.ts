import { describe, expect, it } from 'vitest';
import { BACKEND_COST_OPTION, HTML_OPTION, parseBackendCost } from '../../../../core/node/report/cli-options.ts';

describe('the report options for gatelab run', () => {
  it('reads --backend-cost-per-million as a number ≥ 0', () => {
    expect(parseBackendCost('2.5')).toBe(2.5);
    expect(parseBackendCost('0')).toBe(0);
    for (const bad of ['', ' ', '-1', 'cheap', 'Infinity']) {
      expect(parseBackendCost(bad)).toEqual({
        error: `--backend-cost-per-million: expected a number ≥ 0, got "${bad}"`,
      });
    }
  });

  it('names its flags for commander', () => {
    expect(HTML_OPTION.flags).toBe('--html <file>');
    expect(BACKEND_COST_OPTION.flags).toBe('--backend-cost-per-million <usd>');
  });
});
