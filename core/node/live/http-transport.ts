import { Pool, type Dispatcher } from 'undici';
import type { PlannedRequest } from '../../engine/scenario/request-generator.ts';
import type { ResponseHeaders } from './classify-response.ts';

/** A response as the generator needs it. */
export interface WireResponse {
  status: number;
  headers: ResponseHeaders;
  /** Up to `MAX_KEPT_BODY_BYTES` of the body: enough to classify it and to cut a 4 KiB NDJSON excerpt. */
  body: string;
}

/** What a transport reports about one request. */
export interface SendHandlers {
  /** The request went onto a connection. */
  written(): void;
  answered(response: WireResponse): void;
  failed(error: Error): void;
}

/** Sends planned requests to the gateway. */
export interface Transport {
  /** Sends one request; false when every connection is busy and it has to wait for one. */
  send(request: PlannedRequest, handlers: SendHandlers): boolean;
  /** Aborts what is still in flight and closes the connections. */
  destroy(): Promise<void>;
}

/** Twice the NDJSON excerpt, so cutting at 4096 bytes never depends on a split multi-byte character. */
const MAX_KEPT_BODY_BYTES = 8192;
const RESPONSE_TIMEOUT_MS = 60_000;

/** `Host: {apiId}.execute-api.localhost` picks the request's API on a gateway serving several (SPEC §1). */
export function hostHeader(apiId: string, port: string): string {
  return `${apiId}.execute-api.localhost${port === '' ? '' : `:${port}`}`;
}

class ResponseReader implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: ResponseHeaders = {};
  private chunks: Buffer[] = [];
  private kept = 0;

  constructor(private readonly handlers: SendHandlers) {}

  onRequestStart(): void {
    this.handlers.written();
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: ResponseHeaders): void {
    this.status = status;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.kept >= MAX_KEPT_BODY_BYTES) return;
    this.chunks.push(chunk);
    this.kept += chunk.length;
  }

  onResponseEnd(): void {
    const body =
      this.chunks.length === 0 ? '' : Buffer.concat(this.chunks).subarray(0, MAX_KEPT_BODY_BYTES).toString('utf8');
    this.handlers.answered({ status: this.status, headers: this.headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.handlers.failed(error);
  }
}

/**
 * Keep-alive connections to one gateway origin (undici `Pool`). Connections open as the load needs them, up to
 * `maxConnections`; past that, requests wait for a free connection and the wait counts as latency.
 */
export class PoolTransport implements Transport {
  private readonly pool: Pool;
  private readonly port: string;

  constructor(origin: string, maxConnections: number) {
    this.port = new URL(origin).port;
    this.pool = new Pool(origin, {
      connections: maxConnections,
      pipelining: 1,
      keepAliveTimeout: 65_000,
      headersTimeout: RESPONSE_TIMEOUT_MS,
      bodyTimeout: RESPONSE_TIMEOUT_MS,
    });
  }

  send(request: PlannedRequest, handlers: SendHandlers): boolean {
    const headers: Record<string, string> = { ...request.headers, host: hostHeader(request.apiId, this.port) };
    return this.pool.dispatch(
      { method: request.method, path: request.path, headers, body: request.body ?? null },
      new ResponseReader(handlers),
    );
  }

  /**
   * Opens `connections` connections and warms both ends of the request path before the plan starts, with
   * health checks (admin requests, which no gateway metric counts). A cold server and client answer the first
   * few hundred ms several times slower, which would bunch the first second's requests into bursts that a
   * small bucket throttles; about 2,000 requests get both past that.
   */
  async warmUp(connections: number, requests = 2000, maxMs = 1000): Promise<void> {
    const check = (): Promise<void> =>
      this.pool
        .request({ method: 'GET', path: '/_gatelab/health' })
        .then((response) => response.body.dump())
        .catch(() => undefined);
    const until = performance.now() + maxMs;
    for (let sent = 0; sent < requests && performance.now() < until; sent += connections) {
      await Promise.all(Array.from({ length: connections }, check));
    }
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
