import { asArray, asObject, asString } from './json.ts';

/** One API of a config as the editor lists it. */
export interface ApiInfo {
  index: number;
  id: string;
  label: string;
  protocol: 'REST' | 'HTTP';
}

/** The config's APIs, readable even while the config has errors. */
export function apiList(config: unknown): ApiInfo[] {
  return asArray(asObject(config)['apis']).map((api, index) => {
    const a = asObject(api);
    const id = asString(a['id']) ?? `API ${index + 1}`;
    return { index, id, label: asString(a['name']) ?? id, protocol: a['protocol'] === 'HTTP' ? 'HTTP' : 'REST' };
  });
}

/** The API at `index`, as an object (empty when missing). */
export const apiAt = (config: unknown, index: number) => asObject(asArray(asObject(config)['apis'])[index]);

/** A route's key as `methodSettings` and usage plans name it: `GET /pets/{id}`, or `$default`. */
export function routeKey(route: unknown): string {
  const r = asObject(route);
  const path = asString(r['path']) ?? '';
  return path === '$default' ? '$default' : `${asString(r['method']) ?? 'ANY'} ${path}`;
}

/** The route keys of an API's working routes. */
export const routeKeys = (api: unknown): string[] => asArray(asObject(api)['routes']).map(routeKey);

/** Names of an API's stages. */
export const stageNames = (api: unknown): string[] =>
  asArray(asObject(api)['stages']).flatMap((s) => asString(asObject(s)['name']) ?? []);

/** Ids of an API's deployments. */
export const deploymentIds = (api: unknown): string[] =>
  asArray(asObject(api)['deployments']).flatMap((d) => asString(asObject(d)['id']) ?? []);

/** Ids of the config's usage plans. */
export const usagePlanIds = (config: unknown): string[] =>
  asArray(asObject(config)['usagePlans']).flatMap((p) => asString(asObject(p)['id']) ?? []);

/** The config's API keys: id and value, for a scenario's clients to pick from. */
export const apiKeyList = (config: unknown): Array<{ id: string; value: string }> =>
  asArray(asObject(config)['apiKeys']).flatMap((k) => {
    const key = asObject(k);
    const id = asString(key['id']);
    const value = asString(key['value']);
    return id === undefined || value === undefined ? [] : [{ id, value }];
  });

/** A name not in `taken`: `base1`, `base2`… (or `base` itself when `plain` and free). */
export function freeName(base: string, taken: readonly string[], plain = false): string {
  if (plain && !taken.includes(base)) return base;
  for (let n = 1; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}
