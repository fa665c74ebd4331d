import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main.ts';
import { specExample } from '../core/engine/config/helpers.ts';
import { runCli, tempFolder, writeInput } from './helpers.ts';

describe('gatelab usage', () => {
  it('maps usage errors to one line and exit code 2', async () => {
    expect(await runCli('validate')).toEqual({
      code: 2,
      out: [],
      err: ["gatelab: missing required argument 'file' (see --help)"],
    });
    expect(await runCli('validate', 'x.json', '--bogus')).toEqual({
      code: 2,
      out: [],
      err: ["gatelab: unknown option '--bogus' (see --help)"],
    });
    expect(await runCli('valdate', 'x.json')).toEqual({
      code: 2,
      out: [],
      err: ["gatelab: unknown command 'valdate' (Did you mean validate?)"],
    });
  });

  it('prints help listing the commands, and the version', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/^Usage: gatelab \[options\] \[command\]/);
    expect(help.out.join('\n')).toMatch(
      /\n {2}validate \[options\] <file> +check a config or scenario, list every problem\n/,
    );
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await runCli('--version')).toEqual({ code: 0, out: [version], err: [] });
  });

  it('registers run, whose required --scenario is a usage error', async () => {
    expect(await runCli('run', 'petstore.gatelab.json')).toEqual({
      code: 2,
      out: [],
      err: ["gatelab: required option '--scenario <file>' not specified (see --help)"],
    });
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const run = await runCli();
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toContain('Commands:');
  });

  it('reports an unexpected failure in one line with exit code 3', async () => {
    const file = writeInput(tempFolder(), 'ok.gatelab.json', specExample());
    const err: string[] = [];
    const out = () => {
      throw new Error('stdout closed');
    };
    expect(await main(['validate', file], { out, err: (text) => err.push(text) })).toBe(3);
    expect(err).toEqual(['gatelab: unexpected error: stdout closed']);
  });
});
