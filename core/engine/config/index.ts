/**
 * Gateway configs (SPEC §2): validate with `parseConfig` (schema, then cross-references), warn with
 * `lintConfig`, and describe the file format with `configJsonSchema`.
 */
export { parseConfig } from './parse-config.ts';
export { lintConfig } from './lint-config.ts';
export { configJsonSchema, configJsonSchemaText } from './config-json-schema.ts';
export { DEFAULT_ROUTE, routeKeyOf } from './route-syntax.ts';
export {
  CACHE_CLUSTER_SIZES,
  CACHE_STRATEGIES,
  HTTP_METHODS,
  configSchema,
  type ApiConfig,
  type ApiKeyConfig,
  type CacheStrategy,
  type DeploymentConfig,
  type GatewayConfig,
  type GatewayConfigInput,
  type HttpMethod,
  type IntegrationConfig,
  type LatencyModel,
  type MethodSetting,
  type RouteConfig,
  type StageConfig,
  type UsagePlanConfig,
} from './schema.ts';
