import { decodeSegment, hasTextAt, parseRoutePath } from './route-path.ts';

const SLASH = 47;

interface Node<R> {
  statics: Map<string, Node<R>> | null;
  /** The same children as a list, scanned in place while short (see `staticChild`). */
  staticList: Array<{ value: string; node: Node<R> }>;
  param: Node<R> | null;
  paramName: string;
  greedy: Node<R> | null;
  greedyName: string;
  methods: Map<string, Leaf<R>> | null;
}

/** A route at its resource, with its own names for the variable segments, in path order. */
interface Leaf<R> {
  route: R;
  names: string[];
}

function newNode<R>(): Node<R> {
  return { statics: null, staticList: [], param: null, paramName: '', greedy: null, greedyName: '', methods: null };
}

/** A matched route with its path parameters (decoded), `null` when the route has none. */
export interface RouteMatch<R> {
  route: R;
  params: Record<string, string> | null;
}

/**
 * A pure route matcher over a resource tree (find-my-way style). Two precedence modes:
 * - REST: walk the tree committing to the most specific child at each level (exact > `{param}` > `{proxy+}`),
 *   with no backtracking, so a sibling resource is excluded from its parent's proxy, as in AWS.
 * - HTTP: backtrack until some route matches both path and method, then fall back to `$default`.
 * At the resource, an explicit method beats `ANY`.
 */
export class RouteMatcher<R> {
  private readonly root = newNode<R>();
  private defaultRoute: R | null = null;

  constructor(private readonly backtrack: boolean) {}

  add(method: string, path: string, route: R): void {
    if (path === '$default') {
      this.defaultRoute = route;
      return;
    }
    let node = this.root;
    const names: string[] = [];
    for (const segment of parseRoutePath(path)) {
      if (segment.kind !== 'static') names.push(segment.name);
      if (segment.kind === 'static') {
        node.statics ??= new Map();
        let child = node.statics.get(segment.value);
        if (!child) {
          node.statics.set(segment.value, (child = newNode()));
          node.staticList.push({ value: segment.value, node: child });
        }
        node = child;
      } else if (segment.kind === 'param') {
        node.param ??= newNode();
        node.paramName = segment.name;
        node = node.param;
      } else {
        node.greedy ??= newNode();
        node.greedyName = segment.name;
        node = node.greedy;
      }
    }
    node.methods ??= new Map();
    node.methods.set(method, { route, names });
  }

  /**
   * Matches the part of `path` from index `from` (the `/` that starts the resource path; `path.length` for
   * the root). Works on the string in place: no segment array is built on the hot path.
   */
  match(method: string, path: string, from: number): RouteMatch<R> | null {
    let end = path.length;
    // A trailing slash names the same resource.
    if (end - from > 1 && path.charCodeAt(end - 1) === SLASH) end--;
    const start = end - from <= 1 ? end + 1 : from + 1;
    if (this.backtrack) {
      const values: string[] = [];
      const leaf = this.search(this.root, path, start, end, method, values, 0);
      if (leaf !== null) return { route: leaf.route, params: leaf.names.length > 0 ? named(leaf.names, values) : null };
    } else {
      const params: Record<string, string> = {};
      const leaf = this.walk(this.root, path, start, end, method, params);
      // Walking to a leaf set one parameter per variable segment of its route, so the leaf knows if there are any.
      if (leaf !== null) return { route: leaf.route, params: leaf.names.length > 0 ? params : null };
    }
    return this.defaultRoute === null ? null : { route: this.defaultRoute, params: null };
  }

  private walk(
    root: Node<R>,
    path: string,
    start: number,
    end: number,
    method: string,
    params: Record<string, string>,
  ): Leaf<R> | null {
    // REST allows one variable name per level (validation enforces it), so the node's name is the route's.
    let node = root;
    let pos = start;
    while (pos <= end) {
      const next = segmentEnd(path, pos, end);
      const exact = staticChild(node, path, pos, next);
      if (exact) {
        node = exact;
      } else if (node.param && next > pos) {
        params[node.paramName] = decodeSegment(path.slice(pos, next));
        node = node.param;
      } else if (node.greedy) {
        params[node.greedyName] = decodeSegment(path.slice(pos, end));
        node = node.greedy;
        break;
      } else {
        return null;
      }
      pos = next + 1;
    }
    return pickMethod(node, method);
  }

  /**
   * HTTP APIs may name one segment differently in different routes (`/pets/{id}`, `/pets/{petId}/toys`), so
   * values are kept by position (`index` counts the variables before this node) and named by the matched leaf.
   */
  private search(
    node: Node<R>,
    path: string,
    pos: number,
    end: number,
    method: string,
    values: string[],
    index: number,
  ): Leaf<R> | null {
    if (pos > end) return pickMethod(node, method);
    const next = segmentEnd(path, pos, end);
    const exact = staticChild(node, path, pos, next);
    if (exact) {
      const found = this.search(exact, path, next + 1, end, method, values, index);
      if (found !== null) return found;
    }
    if (node.param && next > pos) {
      const found = this.search(node.param, path, next + 1, end, method, values, index + 1);
      if (found !== null) {
        values[index] = decodeSegment(path.slice(pos, next));
        return found;
      }
    }
    if (node.greedy) {
      const found = pickMethod(node.greedy, method);
      if (found !== null) {
        values[index] = decodeSegment(path.slice(pos, end));
        return found;
      }
    }
    return null;
  }
}

/** Up to this many static children are compared in place; past it a Map lookup of the sliced segment wins. */
const SCAN_LIMIT = 8;

/** The static child named by `path` from `pos` to `next`: no slice (and no hash of a fresh string) while short. */
function staticChild<R>(node: Node<R>, path: string, pos: number, next: number): Node<R> | undefined {
  const list = node.staticList;
  if (list.length > SCAN_LIMIT) return node.statics!.get(path.slice(pos, next));
  const length = next - pos;
  for (const child of list) {
    if (child.value.length === length && hasTextAt(path, pos, child.value)) return child.node;
  }
  return undefined;
}

function segmentEnd(path: string, pos: number, end: number): number {
  const slash = path.indexOf('/', pos);
  return slash === -1 || slash > end ? end : slash;
}

function pickMethod<R>(node: Node<R>, method: string): Leaf<R> | null {
  const methods = node.methods;
  if (methods === null) return null;
  return methods.get(method) ?? methods.get('ANY') ?? null;
}

function named(names: readonly string[], values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) params[names[i]!] = values[i] ?? '';
  return params;
}
