/**
 * Readable names for the bucket ids of SPEC §9, as the dashboard shows them:
 * `account` → "Account", `stage:petstore/prod:GET /pets/{id}` → "Stage prod · GET /pets/{id}",
 * `usagePlan:free:alice` → "Plan free · key alice",
 * `usagePlan:pro:bob:petstore/prod:POST /pets` → "Plan pro · key bob · POST /pets".
 * The API id is named only when the config has several APIs, where the stage alone would be ambiguous.
 */
export function bucketLabel(id: string, severalApis = false): string {
  if (id === 'account') return 'Account';
  const stage = /^stage:([^/]+)\/([^:]+):(.+)$/.exec(id);
  if (stage) {
    const [, apiId, stageName, route] = stage;
    return `Stage ${severalApis ? `${apiId}/` : ''}${stageName} · ${route}`;
  }
  const plan = /^usagePlan:([^:]+):([^:]+)(?::([^/]+)\/([^:]+):(.+))?$/.exec(id);
  if (plan) {
    const [, planId, keyId, apiId, stageName, route] = plan;
    const base = `Plan ${planId} · key ${keyId}`;
    if (route === undefined) return base;
    return `${base} · ${severalApis ? `${apiId}/${stageName} ` : ''}${route}`;
  }
  const quota = /^quota:([^:]+):([^:]+)$/.exec(id);
  if (quota) return `Quota ${quota[1]} · key ${quota[2]}`;
  return id;
}

/** Labels every id once; the dashboard asks for the same few ids every tick. */
export function bucketLabeler(severalApis: boolean): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let label = cache.get(id);
    if (label === undefined) cache.set(id, (label = bucketLabel(id, severalApis)));
    return label;
  };
}
