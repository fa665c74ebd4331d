import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleInfo } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { LabError } from './lab-error.ts';
import { kindOfFileName, validateDocument, type AnyLoadedDocument } from './validate-document.ts';

function describe(name: string, text: string): Pick<ExampleInfo, 'title' | 'description'> {
  try {
    const doc = JSON.parse(text) as { name?: unknown; description?: unknown };
    return {
      title: typeof doc.name === 'string' ? doc.name : name,
      description: typeof doc.description === 'string' ? doc.description : '',
    };
  } catch {
    return { title: name, description: '' };
  }
}

/** The example configs and scenarios shipped in a folder; configs first, then scenarios, each by file name. */
export async function listExamples(dir: string): Promise<ExampleInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new LabError(LAB_ERROR.io, `cannot read the examples folder ${dir}: ${(error as Error).message}`);
  }
  const out: ExampleInfo[] = [];
  for (const name of names.sort()) {
    const kind = kindOfFileName(name);
    if (kind === null) continue;
    out.push({ kind, name, ...describe(name, await readFile(join(dir, name), 'utf8')) });
  }
  return out.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'config' ? -1 : 1));
}

/** Loads one example by its file name; only names that `listExamples` gives are accepted. */
export async function loadExample(dir: string, name: string): Promise<AnyLoadedDocument> {
  const known = await listExamples(dir);
  const example = known.find((e) => e.name === name);
  if (example === undefined) {
    const names = known.map((e) => e.name).join(', ');
    throw new LabError(LAB_ERROR.notFound, `no example "${name}" (examples: ${names || 'none'})`);
  }
  const text = await readFile(join(dir, example.name), 'utf8');
  return validateDocument(example.kind, text, example.name);
}
