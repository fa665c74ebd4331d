import { readFile } from 'node:fs/promises';

/** A file's JSON, or one line saying why it couldn't be read. */
export type JsonInput = { ok: true; value: unknown } | { ok: false; message: string };

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

/** Reads and parses a JSON file with clear, one-line errors: missing file, unreadable file, malformed JSON. */
export async function loadJsonInput(path: string): Promise<JsonInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${path}: no such file` };
    if (code === 'EISDIR') return { ok: false, message: `${path}: is a directory, expected a JSON file` };
    return { ok: false, message: `${path}: cannot read (${code ?? (error as Error).message})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    return {
      ok: false,
      message: `${path}: malformed JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
    };
  }
}
