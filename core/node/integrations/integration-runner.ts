import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { IntegrationFailure } from '../../engine/gateway/gateway.ts';
import type { GatewayResponse, IntegrationTicket } from '../../engine/gateway/types.ts';
import { HttpProxy } from './http-proxy.ts';
import { LambdaRunner, type LambdaRunnerOptions } from './lambda.ts';

/** What an integration answered: a response to pass through, or a failure the gateway words (SPEC §9). */
export type IntegrationResult = GatewayResponse | IntegrationFailure;

/**
 * Runs the real integrations of live mode: HTTP_PROXY over undici and LAMBDA in worker threads. MOCK needs
 * no runner: its ticket already carries the modelled answer.
 */
export class IntegrationRunner {
  private readonly proxy = new HttpProxy();
  private readonly lambda: LambdaRunner;

  /**
   * @param configDir the config file's folder, from which LAMBDA `file` paths are resolved.
   * @param lambda the Lambda worker's entry where it is not next to the source (a bundled app), and idle reaping.
   */
  constructor(configDir: string, lambda: LambdaRunnerOptions = {}) {
    this.lambda = new LambdaRunner(configDir, lambda);
  }

  /** Runs a ticket's integration; never rejects (an unexpected error is a 502). */
  run(ticket: IntegrationTicket): Promise<IntegrationResult> {
    const type = ticket.integration.type;
    const running =
      type === 'HTTP_PROXY'
        ? this.proxy.run(ticket)
        : type === 'LAMBDA'
          ? this.lambda.run(ticket)
          : Promise.resolve(ticket.modeled);
    return running.catch((): IntegrationResult => ({ failure: 'badGateway' }));
  }

  /** After a config swap: frees what only the old config used (Lambda instances, upstream pools). */
  retain(config: GatewayConfig): void {
    this.lambda.retain(config);
    this.proxy.retain(config);
  }

  /** Closes upstream connection pools and terminates Lambda workers. */
  async close(): Promise<void> {
    await Promise.all([this.proxy.close(), this.lambda.close()]);
  }
}
