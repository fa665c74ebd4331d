import { readFile } from 'node:fs/promises';
import type { DocumentKind, SaveKind } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { LabError } from './lab-error.ts';
import { validateDocument, type AnyLoadedDocument } from './validate-document.ts';

/** Where documents are saved to and opened from; Electron implements it with native dialogs. */
export interface LabDialogs {
  /** The path to save to, or null if the user cancelled. */
  chooseSavePath(kind: SaveKind, suggestedName: string): Promise<string | null>;
  /** The file to open, or null if the user cancelled. */
  chooseOpenPath(kind: DocumentKind): Promise<string | null>;
}

const browserOnly = (): Promise<never> =>
  Promise.reject(
    new LabError(
      LAB_ERROR.unsupported,
      'this host has no file dialogs: in the browser, open documents by upload and save them by download',
    ),
  );

/** The browser mode's dialogs: none, since the page uploads and downloads files itself. */
export const noDialogs: LabDialogs = { chooseSavePath: browserOnly, chooseOpenPath: browserOnly };

/** Saves a document (a parsed value, or JSON text kept as typed) to a path the user picks. */
export async function saveDocument(
  dialogs: LabDialogs,
  kind: SaveKind,
  value: unknown,
  suggestedName: string,
): Promise<string | null> {
  const path = await dialogs.chooseSavePath(kind, suggestedName);
  if (path === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  try {
    await writeFileAtomic(path, text.endsWith('\n') ? text : `${text}\n`);
  } catch (error) {
    throw new LabError(LAB_ERROR.io, `cannot save ${path}: ${(error as Error).message}`);
  }
  return path;
}

/** Opens a document the user picks and validates it; malformed JSON comes back as an error at its line. */
export async function openDocument(dialogs: LabDialogs, kind: DocumentKind): Promise<AnyLoadedDocument | null> {
  const path = await dialogs.chooseOpenPath(kind);
  if (path === null) return null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LabError(LAB_ERROR.io, `cannot open ${path}: ${(error as Error).message}`);
  }
  return validateDocument(kind, text, path);
}
