import type { ApiConfig, GatewayConfig } from '../../engine/config/schema.ts';
import { compileTemplate, type TemplateContext } from '../../engine/integration/template.ts';

const NOTHING: Readonly<Record<string, string>> = {};

/** What a stage resolves in a uri without a request: its name and variables (a canary's with its overrides). */
function stageContexts(api: ApiConfig): TemplateContext[] {
  return api.stages.flatMap((stage) => {
    const variables = stage.variables ?? NOTHING;
    const overrides = stage.canarySettings?.stageVariableOverrides;
    const sets = overrides === undefined ? [variables] : [variables, { ...variables, ...overrides }];
    return sets.map((stageVariables) => ({
      stageVariables,
      pathParams: NOTHING,
      query: undefined,
      headers: NOTHING,
      requestId: '',
      stage: stage.name,
      requestTimeEpoch: 0,
      callCount: 0,
    }));
  });
}

function originOf(uri: string): string | null {
  try {
    return new URL(uri).origin;
  } catch {
    return null;
  }
}

/**
 * The upstream origins a config's HTTP_PROXY uris reach, resolved with every stage's variables, over the
 * working routes and every deployment. An origin that depends on the request itself (a header in the host,
 * say) resolves to none of these, so after a swap its pool is closed and made again by the next call.
 */
export function proxyOrigins(config: GatewayConfig): Set<string> {
  const origins = new Set<string>();
  for (const api of config.apis) {
    const contexts = stageContexts(api);
    for (const route of [...api.routes, ...api.deployments.flatMap((deployment) => deployment.routes)]) {
      if (route.integration?.type !== 'HTTP_PROXY') continue;
      const uri = compileTemplate(route.integration.uri);
      for (const context of contexts) {
        const origin = originOf(uri(context));
        if (origin !== null) origins.add(origin);
      }
    }
  }
  return origins;
}
