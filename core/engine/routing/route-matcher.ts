import { decodeSegment, parseRoutePath } from './route-path.ts';

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

  match(method: string, segments: readonly string[]): RouteMatch<R> | null {
    const params: Record<string, string> = {};
    const found = this.backtrack
      ? this.search(this.root, segments, 0, method, params)
      : this.walk(this.root, segments, method, params);
    if (found !== null) return { route: found, params: hasKeys(params) ? params : null };
    return this.defaultRoute === null ? null : { route: this.defaultRoute, params: null };
  }

  private walk(root: Node<R>, segments: readonly string[], method: string, params: Record<string, string>): R | null {
    let node = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const exact = node.statics?.get(segment);
      if (exact) {
        node = exact;
      } else if (node.param && segment !== '') {
        params[node.paramName] = decodeSegment(segment);
        node = node.param;
      } else if (node.greedy) {
        params[node.greedyName] = decodeSegment(segments.slice(i).join('/'));
        node = node.greedy;
        break;
      } else {
        return null;
      }
    }
    return pickMethod(node, method);
  }

  private search(
    node: Node<R>,
    segments: readonly string[],
    i: number,
    method: string,
    params: Record<string, string>,
  ): R | null {
    if (i === segments.length) return pickMethod(node, method);
    const segment = segments[i]!;
    const exact = node.statics?.get(segment);
    if (exact) {
      const found = this.search(exact, segments, i + 1, method, params);
      if (found !== null) return found;
    }
    if (node.param && segment !== '') {
      const found = this.search(node.param, segments, i + 1, method, params);
      if (found !== null) {
        params[node.paramName] = decodeSegment(segment);
        return found;
      }
    }
    if (node.greedy) {
      const found = pickMethod(node.greedy, method);
      if (found !== null) {
        params[node.greedyName] = decodeSegment(segments.slice(i).join('/'));
        return found;
      }
    }
    return null;
  }
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
