import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../engine/validation/json-text.ts';

/** A JSON file's parsed content, or one line saying why it couldn't be read (starting with the file name). */
export type LoadedJson = { ok: true; value: unknown } | { ok: false; message: string };

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, expected a JSON file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file (a parent is not a folder)',
};

function readFailure(file: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const known = typeof code === 'string' ? READ_ERRORS[code] : undefined;
  if (known !== undefined) return `${file}: ${known}`;
  return `${file}: cannot read the file (${typeof code === 'string' ? code : String(error)})`;
}

/**
 * Reads and parses a UTF-8 JSON file. Never throws for a missing, unreadable or malformed file:
 * the message names the file as given and, for malformed JSON, `FILE:LINE:COLUMN` of the fault.
 */
export async function loadJsonFile(file: string): Promise<LoadedJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: readFailure(file, error) };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed;
  return { ok: false, message: `${file}:${parsed.line}:${parsed.column}: malformed JSON: ${parsed.message}` };
}
