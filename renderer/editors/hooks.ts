import { useState } from 'react';
import type { DocumentKind, FieldProblem } from '../../core/contract/lab-api.ts';
import { activeDoc, type AnyDocument } from '../store/editor-docs.ts';
import { getAt, pathKey, type JsonPath } from '../store/editor-paths.ts';
import { useLab } from '../store/store-context.tsx';

/** The errors and lint warnings at one path. */
export interface PathProblems {
  errors: string[];
  warnings: string[];
}

const NONE: PathProblems = { errors: [], warnings: [] };
const indexes = new WeakMap<AnyDocument, Map<string, PathProblems>>();

function index(doc: AnyDocument): Map<string, PathProblems> {
  let found = indexes.get(doc);
  if (found) return found;
  found = new Map();
  const add = (problems: FieldProblem[], into: 'errors' | 'warnings') => {
    for (const p of problems) {
      const key = pathKey(p.path);
      const entry = found!.get(key) ?? { errors: [], warnings: [] };
      entry[into].push(p.message);
      found!.set(key, entry);
    }
  };
  add(doc.errors, 'errors');
  add(doc.warnings, 'warnings');
  indexes.set(doc, found);
  return found;
}

/** The selected document's value at `path` (undefined where unset). */
export function useDocValue(kind: DocumentKind, path: JsonPath): unknown {
  return useLab((s) => getAt(activeDoc(s, kind)?.raw, path));
}

/** The problems at `key` and, with `within`, at every path under it (a list's items); cached per document. */
function problemsAt(doc: AnyDocument, key: string, within: boolean): PathProblems {
  const problems = index(doc);
  if (!within) return problems.get(key) ?? NONE;
  const cacheKey = `${key}*`;
  let merged = problems.get(cacheKey);
  if (!merged) {
    const prefix = `${key.slice(0, -1)},`;
    merged = { errors: [], warnings: [] };
    for (const [at, found] of problems) {
      if (at !== key && !at.startsWith(prefix)) continue;
      merged.errors.push(...found.errors);
      merged.warnings.push(...found.warnings);
    }
    problems.set(cacheKey, merged);
  }
  return merged.errors.length + merged.warnings.length === 0 ? NONE : merged;
}

/**
 * The problems `gatelab validate` reports at this path of the selected document; with `within`, also those under
 * it, for fields that edit a whole list or map in one input.
 */
export function useFieldProblems(kind: DocumentKind, path: JsonPath, within = false): PathProblems {
  return useLab((s) => {
    const doc = activeDoc(s, kind);
    return doc ? problemsAt(doc, pathKey(path), within) : NONE;
  });
}

/** A setter for the field at `path` (undefined removes the key). */
export function useSetField(kind: DocumentKind, path: JsonPath): (value: unknown) => void {
  const setField = useLab((s) => s.setField);
  return (value: unknown) => setField(kind, path, value);
}

const same = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

/**
 * Text typed into a field that stores something else (a number, a list): the text stays as typed while it still
 * means the stored value ("1." while typing "1.5"), and follows the store when the value changes elsewhere (undo).
 */
export function useEditableText(
  value: unknown,
  format: (value: unknown) => string,
  parse: (text: string) => unknown,
  commit: (value: unknown) => void,
): [string, (text: string) => void] {
  const [state, setState] = useState(() => ({ text: format(value), value }));
  let text = state.text;
  if (!Object.is(state.value, value)) {
    text = same(parse(state.text), value) ? state.text : format(value);
    setState({ text, value });
  }
  const onChange = (typed: string) => {
    const parsed = parse(typed);
    setState({ text: typed, value: parsed });
    commit(parsed);
  };
  return [text, onChange];
}
