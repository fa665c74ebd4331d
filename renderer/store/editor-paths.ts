/**
 * JSON paths into a document being edited, in the segments `FieldProblem.path` uses, and immutable updates at
 * them. Every update copies only the objects along the path, so unchanged branches keep their identity (cheap
 * undo snapshots, and components that select a branch re-render only when it changed).
 */
export type JsonPath = ReadonlyArray<string | number>;

type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A stable string for a path: the key of field problems and the `data-path` of the field's input. */
export const pathKey = (path: JsonPath): string => JSON.stringify(path);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as `gatelab validate` prints it: `apis[0].stages[0].methodSettings["*\/*"]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** The value at `path`, or undefined where the path leads nowhere. */
export function getAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[segment];
    } else {
      if (!isJsonObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = node[segment];
    }
  }
  return node;
}

function emptyFor(segment: string | number): unknown[] | JsonObject {
  return typeof segment === 'number' ? [] : {};
}

/**
 * A copy of `root` with `value` at `path`, creating objects and arrays on the way. `undefined` removes the key
 * (or the array item), which is how a field goes back to inheriting.
 */
export function setAt(root: unknown, path: JsonPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const array = Array.isArray(root) ? root.slice() : [];
    const next = rest.length === 0 ? value : setAt(array[head] ?? emptyFor(rest[0]!), rest, value);
    if (next === undefined) array.splice(head, 1);
    else array[head] = next;
    return array;
  }
  const object: JsonObject = isJsonObject(root) ? { ...root } : {};
  const next = rest.length === 0 ? value : setAt(object[head] ?? emptyFor(rest[0]!), rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

/** A copy of `root` with `item` inserted into the array at `path` (created if missing), at `index` or the end. */
export function insertAt(root: unknown, path: JsonPath, item: unknown, index?: number): unknown {
  const current = getAt(root, path);
  const array = Array.isArray(current) ? current.slice() : [];
  array.splice(index ?? array.length, 0, item);
  return setAt(root, path, array);
}

/** A copy of `root` with the array item at `path[index]` removed. */
export function removeAt(root: unknown, path: JsonPath, index: number): unknown {
  const current = getAt(root, path);
  if (!Array.isArray(current) || index < 0 || index >= current.length) return root;
  return setAt(root, path, [...current.slice(0, index), ...current.slice(index + 1)]);
}

/** A copy of `root` with the array item at `path[from]` moved to `to`. */
export function moveAt(root: unknown, path: JsonPath, from: number, to: number): unknown {
  const current = getAt(root, path);
  if (!Array.isArray(current) || from === to || to < 0 || to >= current.length || from >= current.length) return root;
  const array = current.slice();
  const [item] = array.splice(from, 1);
  array.splice(to, 0, item);
  return setAt(root, path, array);
}

/**
 * A copy of `root` with the key `from` of the object at `path` renamed to `to`, keeping the key order (a renamed
 * stage variable stays where it was). Refuses (returns `root`) when `to` is taken or `from` is missing.
 */
export function renameKeyAt(root: unknown, path: JsonPath, from: string, to: string): unknown {
  const current = getAt(root, path);
  if (!isJsonObject(current) || !(from in current) || (to !== from && to in current) || to === from) return root;
  const renamed: JsonObject = {};
  for (const [key, value] of Object.entries(current)) renamed[key === from ? to : key] = value;
  return setAt(root, path, renamed);
}
