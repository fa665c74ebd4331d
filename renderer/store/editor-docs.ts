import type { DocumentKind } from '../../core/contract/lab-api.ts';
import type { ConfigDocument, ScenarioDocument } from '../lab/types.ts';
import type { LabState } from './lab-state.ts';

/** A loaded document of either kind; its `raw` is what the editor edits (JSON text when it does not parse). */
export type AnyDocument = ConfigDocument | ScenarioDocument;

/** Documents are told apart by kind and name (the example's or file's name), e.g. `config:petstore.gatelab.json`. */
export const docKey = (kind: DocumentKind, name: string): string => `${kind}:${name}`;

export function parseDocKey(key: string): { kind: DocumentKind; name: string } | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  if (kind !== 'config' && kind !== 'scenario') return null;
  return { kind, name: key.slice(at + 1) };
}

/** The documents of a kind, by name. */
export const docsOf = (s: LabState, kind: DocumentKind): Record<string, AnyDocument> =>
  kind === 'config' ? s.configs : s.scenarios;

/** The name of the document of this kind that the editor shows and the Run button runs. */
export const activeName = (s: LabState, kind: DocumentKind): string | null =>
  kind === 'config' ? s.selectedConfig : s.selectedScenario;

/** The document of this kind that the editor shows. */
export function activeDoc(s: LabState, kind: DocumentKind): AnyDocument | undefined {
  const name = activeName(s, kind);
  return name === null ? undefined : docsOf(s, kind)[name];
}

/** The state change that puts `doc` under `name` (or removes it, for null). */
export function withDoc(s: LabState, kind: DocumentKind, name: string, doc: AnyDocument | null): Partial<LabState> {
  const docs = { ...docsOf(s, kind) };
  if (doc === null) delete docs[name];
  else docs[name] = doc;
  return kind === 'config'
    ? { configs: docs as Record<string, ConfigDocument> }
    : { scenarios: docs as Record<string, ScenarioDocument> };
}

/** The document's text as a file holds it: JSON text as typed when it does not parse, else pretty JSON. */
export function documentText(raw: unknown): string {
  return typeof raw === 'string' ? raw : `${JSON.stringify(raw, null, 2)}\n`;
}

/** What the editor keeps as `raw` for JSON text: the parsed object or array, else the text itself. */
export function rawFromText(text: string): unknown {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? value : text;
  } catch {
    return text;
  }
}

const SUFFIX: Record<DocumentKind, string> = { config: '.gatelab.json', scenario: '.scenario.json' };

/** The kind a file holds: by its suffix (SPEC §1), else by its content, as `gatelab validate` tells them apart. */
export function kindOfFile(fileName: string, raw: unknown): DocumentKind {
  if (fileName.endsWith(SUFFIX.config)) return 'config';
  if (fileName.endsWith(SUFFIX.scenario)) return 'scenario';
  const doc = raw as Record<string, unknown> | null;
  const looksLikeScenario =
    typeof doc === 'object' && doc !== null && ('target' in doc || 'phases' in doc || 'mix' in doc);
  return looksLikeScenario ? 'scenario' : 'config';
}

/** A file name for saving a document: its own name when it has the kind's suffix, else with it added. */
export function fileNameFor(kind: DocumentKind, name: string): string {
  const base = name.split(/[\\/]/).pop() || 'untitled';
  if (base.endsWith(SUFFIX[kind])) return base;
  return `${base.replace(/\.json$/, '')}${SUFFIX[kind]}`;
}

/** A name not yet taken among `taken`: `mine.gatelab.json`, then `mine (2).gatelab.json`, … */
export function uniqueName(kind: DocumentKind, fileName: string, taken: Record<string, unknown>): string {
  const base = fileNameFor(kind, fileName);
  if (!(base in taken)) return base;
  const stem = base.slice(0, -SUFFIX[kind].length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${SUFFIX[kind]}`;
    if (!(candidate in taken)) return candidate;
  }
}
