import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../core/cli/main.ts';

/** A fresh temporary folder for one test file's inputs. */
export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'gatelab-cli-'));
}

/** Writes `content` (JSON-encoded unless it is a string) into `folder/name` and returns the path. */
export function writeInput(folder: string, name: string, content: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in this process, capturing what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out, err };
}
