import autocannon from 'autocannon';
import TinyQueue from 'tinyqueue';
import { randomStreams, type RandomStreams } from '../../engine/random/random-source.ts';
import { closedLoopPlan, type ClosedLoopPlan } from '../../engine/scenario/closed-loop.ts';
import { RequestGenerator, type PlannedRequest } from '../../engine/scenario/request-generator.ts';
import { retryDelayMs, shouldRetry } from '../../engine/scenario/retry.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { classifyResponse, lowerCaseHeaders } from './classify-response.ts';
import type { LoadSink } from './fact-stream.ts';
import { hostHeader } from './http-transport.ts';
import type { LiveFact } from './live-protocol.ts';
import type { LoadClock } from './pacer.ts';

export interface ClosedLoadOptions {
  /** A scenario with `concurrency`. */
  scenario: Scenario;
  seed: number;
  origin: string;
  sink: LoadSink;
  clock: LoadClock;
  keepBodies: boolean;
  /** How long in-flight requests may take once the duration is over. */
  drainMs: number;
}

/** The request a connection has on the wire; autocannon hands each connection's context to both hooks. */
interface Slot {
  seq?: number;
  t?: number;
  attempt?: number;
  request?: PlannedRequest;
}

interface DueRetry {
  dueMs: number;
  attempt: number;
  request: PlannedRequest;
}

/** The autocannon client fields the graceful stop uses: a client stops before its next send once it reached `responseMax`. */
interface CannonClient {
  reqsMade: number;
  responseMax?: number;
  on(event: 'connError', listener: (error: Error) => void): unknown;
}

/**
 * A closed loop (SPEC §7): autocannon keeps `connections` connections each sending its next request as soon as
 * the previous one is answered, requests drawn from the scenario's mix and clients as in virtual mode. Each
 * response's status, headers and body are read in `onResponse`; retries go out on the next free connection once
 * due. At the end every connection finishes its request in flight instead of being cut off, so the gateway
 * counts exactly what the report counts. `rttMs` is virtual mode's stand-in for the client's round trip, which
 * live mode has for real, so it is not added.
 */
export class ClosedLoad {
  private readonly plan: ClosedLoopPlan;
  private readonly streams: RandomStreams;
  private readonly generator: RequestGenerator;
  private readonly retries = new TinyQueue<DueRetry>([], (a, b) => a.dueMs - b.dueMs);
  private readonly clients: CannonClient[] = [];
  private readonly open = new Set<number>();
  private instance: autocannon.Instance | null = null;
  private seq = 0;
  private firstAttempts = 0;
  private ending = false;
  private stopped = false;
  private connectionError: string | null = null;

  constructor(private readonly options: ClosedLoadOptions) {
    this.plan = closedLoopPlan(options.scenario.concurrency!);
    this.streams = randomStreams(options.seed);
    this.generator = new RequestGenerator(options.scenario, this.streams);
  }

  /** Runs the loop to its end; resolves with whether it was stopped early. */
  run(): Promise<boolean> {
    const { clock, origin } = this.options;
    return new Promise((resolve, reject) => {
      const endTimer = clock.setTimer(() => this.end(), this.plan.durationMs);
      this.instance = autocannon(
        {
          url: origin,
          connections: Math.min(this.plan.connections, this.plan.maxRequests ?? Number.POSITIVE_INFINITY),
          // A hard bound only: the loop normally ends earlier, each connection after its last answer.
          duration: Math.ceil((this.plan.durationMs + this.options.drainMs) / 1000),
          sampleInt: 100,
          timeout: Math.ceil(this.options.drainMs / 1000),
          requests: [
            {
              setupRequest: (request, context) => this.setup(request, context as Slot),
              onResponse: (status, body, context, headers) => this.respond(status, body, context as Slot, headers),
            },
          ],
          setupClient: (client) => this.track(client as unknown as CannonClient),
        },
        (error: unknown) => {
          clock.clearTimer(endTimer);
          for (const seq of this.open) this.options.sink.unanswered(seq, this.connectionError ?? 'no answer');
          this.open.clear();
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve(this.stopped);
        },
      );
    });
  }

  /** Ends the loop early (Ctrl-C): connections finish their request in flight, then close; cut off after `graceMs`. */
  stop(graceMs: number): void {
    this.stopped = true;
    this.end(graceMs);
  }

  private track(client: CannonClient): void {
    this.clients.push(client);
    client.on('connError', (error) => (this.connectionError ??= `connection error: ${error.message}`));
    if (this.ending) client.responseMax = Math.max(1, client.reqsMade);
  }

  private end(graceMs = this.options.drainMs): void {
    if (this.ending) return;
    this.ending = true;
    for (const client of this.clients) client.responseMax = Math.max(1, client.reqsMade);
    this.options.clock.setTimer(() => this.instance?.stop(), graceMs);
  }

  private setup(base: autocannon.Request, slot: Slot): autocannon.Request {
    const now = this.options.clock.now();
    const due = this.retries.peek();
    let request: PlannedRequest;
    let attempt = 1;
    if (due !== undefined && due.dueMs <= now) {
      this.retries.pop();
      request = due.request;
      attempt = due.attempt;
    } else {
      request = this.generator.next();
      this.firstAttempts++;
      if (this.plan.maxRequests !== null && this.firstAttempts >= this.plan.maxRequests) this.end();
    }
    slot.seq = ++this.seq;
    slot.t = now;
    slot.attempt = attempt;
    slot.request = request;
    this.open.add(slot.seq);
    this.options.sink.written(now);
    const port = new URL(this.options.origin).port;
    const headers = { ...request.headers, host: hostHeader(request.apiId, port) };
    return { ...base, method: request.method, path: request.path, headers, body: request.body ?? '' };
  }

  private respond(status: number, body: string, slot: Slot, rawHeaders: autocannon.Request['headers']): void {
    const { request, seq, t, attempt } = slot;
    if (request === undefined || seq === undefined || t === undefined || attempt === undefined) return;
    const now = this.options.clock.now();
    this.open.delete(seq);
    const headers = lowerCaseHeaders((rawHeaders ?? {}) as Record<string, string | string[] | undefined>);
    const fact: LiveFact = {
      seq,
      t,
      attempt,
      client: request.client,
      method: request.method,
      path: request.path,
      apiId: request.apiId,
      latencyMs: now - t,
      ...classifyResponse(status, headers, body),
    };
    if (this.options.keepBodies) fact.body = body;
    this.options.sink.answered(fact, now);
    if (!this.ending && shouldRetry(request.retry, status, attempt)) {
      const dueMs = now + retryDelayMs(request.retry!, attempt, this.streams.retry);
      this.retries.push({ dueMs, attempt: attempt + 1, request });
    }
  }
}
