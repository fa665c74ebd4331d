import { HTTP_METHODS, type ApiConfig, type RouteConfig } from './schema.ts';
import { DEFAULT_ROUTE, parseRoutePathSyntax, routeKeyOf, type PathPart } from './route-syntax.ts';
import { httpOnly, restOnly } from './cross-check-support.ts';
import { listNames } from '../validation/describe.ts';
import { formatJsonPath, type PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';

const METHODS_TEXT = HTTP_METHODS.map((m) => JSON.stringify(m)).join(', ');

/** Path segments so far in a REST API's resource tree; a level holds at most one variable child. */
interface ResourceNode {
  statics: Map<string, ResourceNode>;
  variable: { text: string; at: PathSegment[]; node: ResourceNode } | null;
}

const newNode = (): ResourceNode => ({ statics: new Map(), variable: null });

/** Returns the route's path segments when its method and path are well formed, else null. */
function checkMethodAndPath(
  api: ApiConfig,
  route: RouteConfig,
  at: PathSegment[],
  problems: Problem[],
): PathPart[] | null {
  if (route.path === DEFAULT_ROUTE) {
    if (api.protocol === 'REST')
      problems.push({ path: [...at, 'path'], message: httpOnly(api, 'the "$default" route is ') });
    if (route.method !== undefined && route.method !== 'ANY') {
      const message = `expected "ANY" or no method for the "$default" route, got "${route.method}"`;
      problems.push({ path: [...at, 'method'], message });
    }
    return null;
  }
  if (route.method === undefined)
    problems.push({ path: [...at, 'method'], message: `required: expected one of ${METHODS_TEXT}` });
  const parsed = parseRoutePathSyntax(route.path);
  if (typeof parsed !== 'string') return parsed;
  const expected =
    api.protocol === 'HTTP' && !route.path.startsWith('/')
      ? 'expected a path starting with "/", or "$default"'
      : parsed;
  problems.push({ path: [...at, 'path'], message: `${expected}, got ${JSON.stringify(route.path)}` });
  return null;
}

function checkFeatures(api: ApiConfig, route: RouteConfig, parts: PathPart[] | null, at: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  const integration = route.integration;
  if (integration?.type === 'LAMBDA' && integration.code !== undefined && integration.file !== undefined) {
    problems.push({ path: [...at, 'integration'], message: 'expected "code" or "file", not both' });
  }
  if (api.protocol === 'HTTP') {
    if (route.apiKeyRequired === true) problems.push({ path: [...at, 'apiKeyRequired'], message: restOnly(api) });
    if (route.cacheKeyParameters !== undefined && route.cacheKeyParameters.length > 0) {
      problems.push({ path: [...at, 'cacheKeyParameters'], message: restOnly(api) });
    }
    return problems;
  }
  if (parts === null) return problems;
  const names = parts.flatMap((p) => (p.kind === 'static' ? [] : [p.name]));
  (route.cacheKeyParameters ?? []).forEach((parameter, index) => {
    const prefix = 'method.request.path.';
    const name = parameter.startsWith(prefix) ? parameter.slice(prefix.length) : null;
    if (name === null || names.includes(name)) return;
    const message = `no path parameter "${name}" in "${route.path}" (parameters: ${listNames(names)})`;
    problems.push({ path: [...at, 'cacheKeyParameters', index], message });
  });
  return problems;
}

/** AWS rejects a second variable child (`{x}` or `{x+}`) among a REST resource's children. */
function checkVariableSiblings(root: ResourceNode, parts: PathPart[], at: PathSegment[]): Problem | null {
  let node = root;
  const above: string[] = [];
  for (const part of parts) {
    if (part.kind === 'static') {
      const next = node.statics.get(part.text) ?? newNode();
      node.statics.set(part.text, next);
      node = next;
    } else {
      const sibling = node.variable;
      if (sibling !== null && sibling.text !== part.text) {
        const message =
          `"${part.text}" conflicts with sibling "${sibling.text}" under "/${above.join('/')}" ` +
          `(${formatJsonPath(sibling.at)}); REST APIs allow one variable segment per level`;
        return { path: [...at, 'path'], message };
      }
      node.variable ??= { text: part.text, at, node: newNode() };
      node = node.variable.node;
    }
    above.push(part.text);
  }
  return null;
}

/** HTTP API routes that differ only in parameter names match the same requests. */
function matchKey(route: RouteConfig, parts: PathPart[] | null): string {
  if (parts === null) return routeKeyOf(route);
  const path = parts.map((p) => (p.kind === 'static' ? p.text : p.kind === 'param' ? '{}' : '{+}')).join('/');
  return `${route.method ?? 'ANY'} /${path}`;
}

/**
 * Checks one list of routes (an API's working routes or a deployment's snapshot): method and path
 * syntax, REST-only features, cache key parameters, duplicate route keys and, for REST, variable
 * siblings.
 */
export function checkRouteList(api: ApiConfig, routes: readonly RouteConfig[], listPath: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, { route: RouteConfig; at: PathSegment[] }>();
  const root = newNode();
  routes.forEach((route, index) => {
    const at = [...listPath, index];
    const parts = checkMethodAndPath(api, route, at, problems);
    problems.push(...checkFeatures(api, route, parts, at));
    if (parts === null && route.path !== DEFAULT_ROUTE) return;
    const key = api.protocol === 'HTTP' ? matchKey(route, parts) : routeKeyOf(route);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, { route, at });
    else {
      const [mine, theirs] = [routeKeyOf(route), routeKeyOf(earlier.route)];
      const where = formatJsonPath(earlier.at);
      const message =
        mine === theirs
          ? `duplicate route "${mine}" (first at ${where})`
          : `route "${mine}" matches the same requests as "${theirs}" (${where})`;
      problems.push({ path: at, message });
      return;
    }
    if (api.protocol === 'REST' && parts !== null) {
      const conflict = checkVariableSiblings(root, parts, at);
      if (conflict !== null) problems.push(conflict);
    }
  });
  return problems;
}
