/**
 * The live gateway (SPEC §1 `gatelab serve`, §5, §9): `startGatewayServer` listens on node:http;
 * `GatewayHost` is the same gateway, clock and integrations without a socket.
 */
export { startGatewayServer, type GatewayServer, type GatewayServerOptions } from './gateway-server.ts';
export { GatewayHost, type GatewayHostOptions } from './gateway-host.ts';
export { metricsSchema, metricsJsonSchemaText, type MetricsBody } from './metrics-shape.ts';
export { metricsBody } from './admin-routes.ts';
export { isLoopbackHost } from './admin-auth.ts';
export type { ClockKind } from './system-clock.ts';
