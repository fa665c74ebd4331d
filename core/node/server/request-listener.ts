import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Gateway } from '../../engine/gateway/gateway.ts';
import type { GatewayResponse, IntegrationTicket } from '../../engine/gateway/types.ts';
import type { IntegrationResult } from '../integrations/integration-runner.ts';
import type { GatewayHost } from './gateway-host.ts';
import { HostApis, writeUnknownApi } from './host-api.ts';
import { liveRequest } from './live-request.ts';
import { declaredTooLong, hasNoBody, readBody } from './read-body.ts';
import { MAX_BODY_BYTES, writeInternalError, writeRequestTooLong, writeResponse } from './write-response.ts';

/** The reserved admin prefix (SPEC §5): never routed to an API. */
export const ADMIN_PREFIX = '/_gatelab/';

/** Serves `/_gatelab/…`. */
export type AdminHandler = (incoming: IncomingMessage, res: ServerResponse, url: string) => void;

/** Told once per distinct message when answering a request threw (a Gatelab bug): the client got a 500. */
export type InternalErrorReporter = (error: unknown) => void;

const reported = new Set<string>();
const reportToStderr: InternalErrorReporter = (error) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  // Bounded: a bug that fails every request with a new message must not grow memory without end.
  if (reported.has(message) || reported.size >= 100) return;
  reported.add(message);
  process.stderr.write(`gatelab: internal error while answering a request (answered 500): ${message}\n`);
};

function finishMock(listener: GatewayListener, ticket: IntegrationTicket, res: ServerResponse): void {
  listener.complete(ticket, ticket.modeled, res);
}

/**
 * The per-request hot path: read the body (only when one is declared), build the engine request, decide,
 * run the integration when needed, write the answer in one `writeHead`. It allocates no closure for a
 * bodiless request whose MOCK answers at once; a benchmark compares it with a bare node:http server.
 */
export class GatewayListener {
  /** Set while shutting down: responses then close their connection instead of keeping it alive. */
  closing = false;
  private readonly gateway: Gateway;
  private readonly hostApis = new HostApis();

  constructor(
    private readonly host: GatewayHost,
    private readonly admin: AdminHandler,
    private readonly reportError: InternalErrorReporter = reportToStderr,
  ) {
    this.gateway = host.gateway;
  }

  readonly onRequest = (incoming: IncomingMessage, res: ServerResponse): void => {
    const url = incoming.url ?? '/';
    if (url.startsWith(ADMIN_PREFIX)) return this.admin(incoming, res, url);
    if (hasNoBody(incoming)) return this.guarded(incoming, res, url, undefined);
    if (declaredTooLong(incoming, MAX_BODY_BYTES)) return writeRequestTooLong(res);
    readBody(incoming, MAX_BODY_BYTES, (body) => {
      if (body === null) writeRequestTooLong(res);
      else this.guarded(incoming, res, url, body);
    });
  };

  /** A throw while deciding must answer the client and leave the server serving (a try block costs nothing in V8). */
  private guarded(incoming: IncomingMessage, res: ServerResponse, url: string, body: string | undefined): void {
    try {
      this.dispatch(incoming, res, url, body);
    } catch (error) {
      this.failed(res, error);
    }
  }

  private failed(res: ServerResponse, error: unknown): void {
    this.reportError(error);
    writeInternalError(res);
  }

  private dispatch(incoming: IncomingMessage, res: ServerResponse, url: string, body: string | undefined): void {
    const request = liveRequest(incoming, url, body);
    if (request.apiId !== undefined) {
      const apiId = this.hostApis.resolve(request.apiId, this.gateway.config);
      if (apiId === null) return writeUnknownApi(res);
      request.apiId = apiId;
    }
    const decision = this.gateway.handle(request, this.host.clock.now());
    if (decision.kind === 'done') return this.write(res, decision.response);
    if (decision.integration.type === 'MOCK') {
      const latency = decision.modeled.latencyMs;
      if (latency > 0) setTimeout(finishMock, latency, this, decision, res);
      else this.complete(decision, decision.modeled, res);
      return;
    }
    void this.host.integrations.run(decision).then(
      (result) => this.complete(decision, result, res),
      (error: unknown) => this.failed(res, error),
    );
  }

  /** Finishes a ticket with its integration's answer and writes the response. */
  complete(ticket: IntegrationTicket, result: IntegrationResult | GatewayResponse, res: ServerResponse): void {
    let response: GatewayResponse;
    try {
      response = this.gateway.complete(ticket, result, this.host.clock.now()).response;
    } catch (error) {
      return this.failed(res, error);
    }
    this.write(res, response);
  }

  private write(res: ServerResponse, response: GatewayResponse): void {
    // While shutting down, even a request that arrived before gets `Connection: close`, so its socket ends.
    if (this.closing) res.shouldKeepAlive = false;
    writeResponse(res, response);
  }
}
