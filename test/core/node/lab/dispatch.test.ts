import { describe, expect, it } from 'vitest';
import { LAB_METHODS } from '../../../../core/contract/lab-api.ts';
import { LAB_ARG_SCHEMAS, checkLabCall } from '../../../../core/contract/lab-api-schemas.ts';
import { dispatchLabCall } from '../../../../core/node/lab/dispatch.ts';
import { createLabHost } from '../../../../core/node/lab/lab-host.ts';
import { EXAMPLES_DIR, tempDir } from './helpers.ts';

describe('contract: argument schemas', () => {
  it('has one tuple per method, as long as LAB_METHODS says', () => {
    expect(Object.keys(LAB_ARG_SCHEMAS).sort()).toEqual(Object.keys(LAB_METHODS).sort());
    for (const [method, count] of Object.entries(LAB_METHODS)) {
      expect(LAB_ARG_SCHEMAS[method as keyof typeof LAB_METHODS].def.items, method).toHaveLength(count);
    }
  });

  it('accepts well-formed calls', () => {
    const run = { config: {}, scenario: {}, mode: 'virtual', seed: 7, speed: 0.1, name: 'x' };
    for (const [method, args] of [
      ['startRun', [run]],
      ['validateConfig', ['{"formatVersion": 1}']],
      ['validateScenario', [{ formatVersion: 1 }]],
      ['saveDocument', ['scenario', { a: 1 }, 'a.scenario.json']],
      ['setPlaybackSpeed', ['20260101T000000-abc123', 'max']],
      ['exportRun', ['r1', 'tested-config-json']],
    ] as const) {
      expect(checkLabCall(method, args), method).toMatchObject({ ok: true, method });
    }
  });

  it('names the argument and field at fault, and never throws', () => {
    const bad = checkLabCall('startRun', [{ config: {}, scenario: {}, mode: 'virtual', seed: -1 }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'GATELAB_E_BAD_ARGS' } });
    expect(!bad.ok && bad.error.message).toMatch(/^startRun argument 1\.seed: /);
    for (const [method, args] of [
      [undefined, undefined],
      [{}, []],
      ['toString', []],
      ['__proto__', []],
      ['listRuns', 'x'],
      ['listRuns', null],
    ]) {
      expect(checkLabCall(method, args).ok).toBe(false);
    }
  });
});

describe('dispatch', () => {
  it('runs checked calls and turns lab errors into coded replies', async () => {
    const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });
    expect(await dispatchLabCall(host, 'listRuns', [])).toEqual({ ok: true, result: [] });
    expect(await dispatchLabCall(host, 'stopRun', ['missing'])).toEqual({
      ok: false,
      error: { code: 'GATELAB_E_NOT_FOUND', message: 'no run "missing"' },
    });
    expect(await dispatchLabCall(host, 'exportRun', ['r'])).toMatchObject({ error: { code: 'GATELAB_E_BAD_ARGS' } });
    await host.close();
  });
});
