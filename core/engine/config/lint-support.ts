import type { PathSegment } from '../validation/json-path.ts';
import type { Problem } from '../validation/problem.ts';
import { routeKeyOf } from './route-syntax.ts';
import type { ApiConfig, GatewayConfig, MethodSetting, RouteConfig, StageConfig } from './schema.ts';

/** The lint rules; each warning names the one that raised it. */
export type LintRule =
  | 'burst-zero'
  | 'rate-zero'
  | 'half-set-limits'
  | 'plan-never-binds'
  | 'key-without-plan'
  | 'cache-unused'
  | 'cache-key-missing'
  | 'burst-below-peak'
  | 'above-account'
  | 'ttl-above-max'
  | 'caching-without-cluster'
  | 'auto-deploy-deployment';

/** A lint warning: a problem whose message explains the trap and ends with the README section to read. */
export interface LintWarning extends Problem {
  rule: LintRule;
  /** The README anchor, such as `token-buckets`. */
  readme: string;
}

/** README sections the warnings link to ("How Gatelab models API Gateway"). */
export const README = {
  buckets: 'token-buckets',
  quotas: 'quotas',
  cache: 'the-stage-cache-rest',
  steps: 'requests-step-by-step',
  stages: 'stages-deployments-and-canaries',
} as const;

/** Builds a warning whose message ends with ` — see README#anchor`. */
export function warn(rule: LintRule, path: PathSegment[], message: string, readme: string): LintWarning {
  return { rule, path, message: `${message} — see README#${readme}`, readme };
}

/** A throttle limit as a bound: -1 (no limit at that layer) is infinite. */
export const bound = (value: number): number => (value === -1 ? Infinity : value);

/** A number for a message: grouped digits, fractions kept. */
export function num(value: number): string {
  if (value === Infinity) return 'no limit';
  const [whole = '', fraction] = String(Number(value.toPrecision(6))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A route a stage serves, with where it is written in the config. */
export interface ServedRoute {
  route: RouteConfig;
  key: string;
  path: PathSegment[];
}

/** The routes a stage serves from its main deployment (the working routes without one), located in the config. */
export function servedRoutes(api: ApiConfig, apiIndex: number, stage: StageConfig): ServedRoute[] {
  const working = stage.autoDeploy === true || stage.deploymentId === undefined;
  const index = working ? -1 : api.deployments.findIndex((d) => d.id === stage.deploymentId);
  if (!working && index === -1) return [];
  const routes = working ? api.routes : api.deployments[index]!.routes;
  const base: PathSegment[] = working
    ? ['apis', apiIndex, 'routes']
    : ['apis', apiIndex, 'deployments', index, 'routes'];
  return routes.map((route, i) => ({ route, key: routeKeyOf(route), path: [...base, i] }));
}

/** A stage's throttle for one method after the field-by-field fallback to `*\/*`, with where each field is set. */
export interface StageThrottle {
  rate: number;
  burst: number;
  /** The path of the written burst, or of the entry that set only a rate (the burst is then the account's). */
  burstPath: PathSegment[];
}

/** The stage bucket's limits for a method (SPEC §2 "Throttle fields"); null when the method has no stage bucket. */
export function stageThrottle(
  config: GatewayConfig,
  stagePath: PathSegment[],
  stage: StageConfig,
  key: string,
): StageThrottle | null {
  const settings = stage.methodSettings ?? {};
  const own: MethodSetting = settings[key] ?? {};
  const star: MethodSetting = settings['*/*'] ?? {};
  const rate = own.throttlingRateLimit ?? star.throttlingRateLimit;
  const burst = own.throttlingBurstLimit ?? star.throttlingBurstLimit;
  if (rate === undefined && burst === undefined) return null;
  const source =
    own.throttlingBurstLimit !== undefined || (burst === undefined && own.throttlingRateLimit !== undefined);
  const entry = [...stagePath, 'methodSettings', source ? key : '*/*'];
  return {
    rate: rate ?? config.account.throttlingRateLimit,
    burst: burst ?? config.account.throttlingBurstLimit,
    burstPath: burst === undefined ? entry : [...entry, 'throttlingBurstLimit'],
  };
}
