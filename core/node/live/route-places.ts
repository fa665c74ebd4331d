import type { GatewayConfig } from '../../engine/config/schema.ts';
import { buildRuntime } from '../../engine/gateway/build-runtime.ts';
import { GatewayState } from '../../engine/gateway/gateway-state.ts';
import { stageAt } from '../../engine/gateway/stage-lookup.ts';
import type { GatewayRuntime } from '../../engine/gateway/runtime.ts';
import type { RequestOutcome } from '../../engine/gateway/types.ts';

/** Where a request landed: the report's per-route cell. */
export type Place = Pick<RequestOutcome, 'apiId' | 'stage' | 'routeKey'>;

const NOWHERE: Place = { apiId: null, stage: null, routeKey: null };

/**
 * Finds the API, stage and route of a request the way the gateway does (the engine's own route matcher over
 * the config's stages), because an HTTP response does not say which route answered it. Built once from the
 * config on a throwaway state, so nothing of the real gateway is touched. A canary deployment with different
 * routes is matched as the stage's main deployment.
 */
export class RoutePlaces {
  private readonly runtime: GatewayRuntime;

  constructor(readonly config: GatewayConfig) {
    this.runtime = buildRuntime(config, new GatewayState(0), 0);
  }

  placeOf(apiId: string, method: string, wirePath: string): Place {
    const api = this.runtime.apis.get(apiId);
    if (api === undefined) return NOWHERE;
    const q = wirePath.indexOf('?');
    const path = q === -1 ? wirePath : wirePath.slice(0, q);
    const slash = path.indexOf('/', 1);
    let from = slash === -1 ? path.length : slash;
    let stage = stageAt(api, path, from);
    if (stage === undefined) {
      if (api.protocol === 'REST' || api.defaultStage === null) return NOWHERE;
      stage = api.defaultStage;
      from = 0;
    }
    const match = stage.main.matcher.match(method, path, from);
    return { apiId: api.id, stage: stage.name, routeKey: match === null ? null : match.route.key };
  }
}
