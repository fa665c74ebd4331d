import type { GatewayConfig } from '../../engine/config/schema.ts';
import { routeKeyOf } from '../../engine/config/route-syntax.ts';
import type { IntegrationFailure } from '../../engine/gateway/gateway.ts';
import type { GatewayResponse, IntegrationTicket } from '../../engine/gateway/types.ts';
import { ACCOUNT_ID, httpProxyEvent, restProxyEvent } from './lambda-event.ts';
import { LambdaPool, type LambdaIdleOptions } from './lambda-pool.ts';
import { mapProxyResult } from './lambda-result.ts';
import { lambdaSource, sourceKey, type LambdaSource } from './lambda-source.ts';

/** Lambda's default timeout, in ms (SPEC §2). */
export const DEFAULT_LAMBDA_TIMEOUT_MS = 3000;
/** AWS's default account concurrency: with no `reservedConcurrency`, a function scales up to this. */
const ACCOUNT_CONCURRENCY = 1000;

const poolKeyOf = (apiId: string, routeKey: string, source: LambdaSource): string =>
  `${apiId}\u0000${routeKey}\u0000${sourceKey(source)}`;

/** How a {@link LambdaRunner} starts and reclaims execution environments. */
export interface LambdaRunnerOptions {
  /** The execution environment's entry; the one next to `lambda-instance.ts` by default. */
  workerFile?: string | URL | undefined;
  /** When idle instances are terminated (AWS reclaims idle execution environments too). */
  idle?: LambdaIdleOptions | undefined;
}

/**
 * Runs LAMBDA integrations: the user's JavaScript handler in worker threads, one pool of instances per
 * function (API, route and code), created lazily, reclaimed when idle and torn down by `close`. Models
 * `timeoutMs`, `coldStartMs` and `reservedConcurrency` (SPEC §2) and maps the proxy result (payload 1.0 or 2.0).
 */
export class LambdaRunner {
  private readonly pools = new Map<string, LambdaPool>();

  /** @param configDir the config file's folder: `file` paths are resolved from it. */
  constructor(
    private readonly configDir: string,
    private readonly options: LambdaRunnerOptions = {},
  ) {}

  async run(ticket: IntegrationTicket): Promise<GatewayResponse | IntegrationFailure> {
    const integration = ticket.integration;
    if (integration.type !== 'LAMBDA') return { failure: 'badGateway' };
    const source = lambdaSource(integration, this.configDir);
    const name = `${ticket.apiId}-${ticket.routeKey}`.replace(/[^A-Za-z0-9_-]+/g, '_');
    const poolKey = poolKeyOf(ticket.apiId, ticket.routeKey, source);
    let pool = this.pools.get(poolKey);
    if (pool === undefined)
      this.pools.set(poolKey, (pool = new LambdaPool(source, this.options.workerFile, this.options.idle)));
    const outcome = await pool.invoke({
      event: ticket.protocol === 'REST' ? restProxyEvent(ticket) : httpProxyEvent(ticket),
      context: {
        awsRequestId: ticket.requestId,
        functionName: name,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:${name}`,
        memoryLimitInMB: '128',
        logGroupName: `/aws/lambda/${name}`,
        logStreamName: 'gatelab',
        deadline: 0,
      },
      timeoutMs: integration.timeoutMs ?? DEFAULT_LAMBDA_TIMEOUT_MS,
      coldStartMs: integration.coldStartMs ?? 0,
      limit: integration.reservedConcurrency ?? ACCOUNT_CONCURRENCY,
    });
    if (outcome === 'throttled') return { failure: 'lambdaThrottled' };
    if (!outcome.ok) return { failure: outcome.reason === 'timeout' ? 'timeout' : 'badGateway' };
    return mapProxyResult(outcome.payload, ticket.protocol) ?? { failure: 'badGateway' };
  }

  /** After a config swap: retires the instances of functions the config no longer has (or whose code changed). */
  retain(config: GatewayConfig): void {
    const keep = new Set<string>();
    for (const api of config.apis) {
      for (const route of [...api.routes, ...api.deployments.flatMap((deployment) => deployment.routes)]) {
        const integration = route.integration;
        if (integration?.type !== 'LAMBDA') continue;
        keep.add(poolKeyOf(api.id, routeKeyOf(route), lambdaSource(integration, this.configDir)));
      }
    }
    for (const [key, pool] of this.pools) {
      if (keep.has(key)) continue;
      this.pools.delete(key);
      void pool.close();
    }
  }

  /** Terminates every idle instance; busy ones end as their invocation does. */
  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }
}
