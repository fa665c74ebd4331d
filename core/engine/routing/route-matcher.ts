import { decodeSegment, parseRoutePath } from './route-path.ts';

const SLASH = 47;

interface Node<R> {
  statics: Map<string, Node<R>> | null;
  param: Node<R> | null;
  paramName: string;
  greedy: Node<R> | null;
  greedyName: string;
  methods: Map<string, R> | null;
}

function newNode<R>(): Node<R> {
  return { statics: null, param: null, paramName: '', greedy: null, greedyName: '', methods: null };
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
    for (const segment of parseRoutePath(path)) {
      if (segment.kind === 'static') {
        node.statics ??= new Map();
        let child = node.statics.get(segment.value);
        if (!child) node.statics.set(segment.value, (child = newNode()));
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
    node.methods.set(method, route);
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
    const params: Record<string, string> = {};
    const found = this.backtrack
      ? this.search(this.root, path, start, end, method, params)
      : this.walk(this.root, path, start, end, method, params);
    if (found !== null) return { route: found, params: hasKeys(params) ? params : null };
    return this.defaultRoute === null ? null : { route: this.defaultRoute, params: null };
  }

  private walk(
    root: Node<R>,
    path: string,
    start: number,
    end: number,
    method: string,
    params: Record<string, string>,
  ): R | null {
    let node = root;
    let pos = start;
    while (pos <= end) {
      const next = segmentEnd(path, pos, end);
      const segment = path.slice(pos, next);
      const exact = node.statics?.get(segment);
      if (exact) {
        node = exact;
      } else if (node.param && segment !== '') {
        params[node.paramName] = decodeSegment(segment);
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

  private search(
    node: Node<R>,
    path: string,
    pos: number,
    end: number,
    method: string,
    params: Record<string, string>,
  ): R | null {
    if (pos > end) return pickMethod(node, method);
    const next = segmentEnd(path, pos, end);
    const segment = path.slice(pos, next);
    const exact = node.statics?.get(segment);
    if (exact) {
      const found = this.search(exact, path, next + 1, end, method, params);
      if (found !== null) return found;
    }
    if (node.param && segment !== '') {
      const found = this.search(node.param, path, next + 1, end, method, params);
      if (found !== null) {
        params[node.paramName] = decodeSegment(segment);
        return found;
      }
    }
    if (node.greedy) {
      const found = pickMethod(node.greedy, method);
      if (found !== null) {
        params[node.greedyName] = decodeSegment(path.slice(pos, end));
        return found;
      }
    }
    return null;
  }
}

function segmentEnd(path: string, pos: number, end: number): number {
  const slash = path.indexOf('/', pos);
  return slash === -1 || slash > end ? end : slash;
}

function pickMethod<R>(node: Node<R>, method: string): R | null {
  const methods = node.methods;
  if (methods === null) return null;
  return methods.get(method) ?? methods.get('ANY') ?? null;
}

function hasKeys(record: Record<string, string>): boolean {
  for (const _ in record) return true;
  return false;
}
