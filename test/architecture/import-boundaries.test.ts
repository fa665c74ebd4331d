import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md are enforced by the lint config; these probes show that a break is an
 * error, so that a config edit can't quietly switch the rules off.
 */
const eslint = new ESLint();

async function errorsFor(filePath: string, code: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

const rules = async (filePath: string, code: string) => (await errorsFor(filePath, code)).map((e) => e.ruleId);

describe('import boundaries (ARCHITECTURE.md layers)', () => {
  it('forbids node:* in core/engine', async () => {
    const errors = await errorsFor(
      'core/engine/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    );
    expect(errors.map((e) => e.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(errors[0]?.message).toMatch(/core\/engine is pure/);
  });

  it('forbids bare Node built-ins and electron in core/engine', async () => {
    expect(await rules('core/engine/probe.ts', "import { join } from 'path';\nexport const j = join;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    const electron = await rules('core/engine/probe.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(electron.length).toBeGreaterThan(0);
    expect(new Set(electron)).toEqual(new Set(['@typescript-eslint/no-restricted-imports']));
  });

  it('forbids Date.now() and Math.random() in core/engine', async () => {
    expect(await rules('core/engine/probe.ts', 'export const now = () => Date.now();\n')).toEqual([
      'no-restricted-properties',
    ]);
    expect(await rules('core/engine/probe.ts', 'export const roll = () => Math.random();\n')).toEqual([
      'no-restricted-properties',
    ]);
  });

  it('forbids timers and process in core/engine', async () => {
    expect(await rules('core/engine/probe.ts', 'export const t = () => setTimeout(() => undefined, 1);\n')).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('lets core/node import node:fs and read the clock', async () => {
    expect(
      await errorsFor(
        'core/node/probe.ts',
        "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const now = () => Date.now();\n",
      ),
    ).toEqual([]);
  });

  it('forbids the renderer from importing core/node, core/engine or node:*', async () => {
    expect(
      await rules('renderer/probe.ts', "import { x } from '../core/node/probe.ts';\nexport const y = x;\n"),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await rules(
        'renderer/probe.ts',
        "import { Gateway } from '../core/engine/gateway/gateway.ts';\nexport const g = Gateway;\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await rules('renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('passes clean engine code', async () => {
    expect(
      await errorsFor(
        'core/engine/probe.ts',
        "import { Gateway } from './gateway/gateway.ts';\nexport const g = Gateway;\n",
      ),
    ).toEqual([]);
  });
});
