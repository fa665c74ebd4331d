import { randomStreams, type RandomStreams } from '../../engine/random/random-source.ts';
import { arrivalTimes } from '../../engine/scenario/arrivals.ts';
import { RequestGenerator, type PlannedRequest } from '../../engine/scenario/request-generator.ts';
import { retryDelayMs, shouldRetry } from '../../engine/scenario/retry.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { planTrace, TraceCursor } from '../../engine/scenario/trace.ts';
import { classifyResponse } from './classify-response.ts';
import type { LoadSink } from './fact-stream.ts';
import type { WireResponse, Transport } from './http-transport.ts';
import type { LiveFact } from './live-protocol.ts';
import { Pacer, type LoadClock } from './pacer.ts';

export interface PacedLoadOptions {
  /** A scenario with `phases` or `trace`. */
  scenario: Scenario;
  seed: number;
  transport: Transport;
  sink: LoadSink;
  clock: LoadClock;
  keepBodies: boolean;
}

/**
 * An open-loop load: arrivals from the same plan as a virtual run (the seeded `arrivals`, `mix` and `clients`
 * streams, or the trace), each sent at its intended time whatever happened to earlier requests, retries after
 * the client's policy. Latency runs from the intended send time, so a generator or connection that falls behind
 * shows up as latency instead of hiding it (coordinated omission).
 */
export class PacedLoad {
  private readonly streams: RandomStreams;
  private readonly pacer: Pacer;
  private readonly retryTimers = new Set<unknown>();
  private seq = 0;
  private inFlight = 0;
  private planEnded = false;
  private stopped = false;
  private settle: ((stopped: boolean) => void) | null = null;

  constructor(private readonly options: PacedLoadOptions) {
    const { scenario, clock } = options;
    this.streams = randomStreams(options.seed);
    let next: () => number;
    let request: () => PlannedRequest;
    if (scenario.phases) {
      const cursor = arrivalTimes(scenario.phases, scenario.arrivals, this.streams.arrivals);
      const generator = new RequestGenerator(scenario, this.streams);
      next = () => cursor.next();
      request = () => generator.next();
    } else if (scenario.trace) {
      const cursor = new TraceCursor(planTrace(scenario));
      next = () => cursor.next();
      request = () => cursor.request!;
    } else throw new RangeError('a paced load needs phases or a trace');
    const onEnd = (): void => {
      this.planEnded = true;
      this.checkDone();
    };
    this.pacer = new Pacer(next, clock, (at) => this.send(request(), 1, at), onEnd);
  }

  /** Runs until every planned request and retry has been answered; resolves with whether it was stopped. */
  run(): Promise<boolean> {
    return new Promise((resolve) => {
      this.settle = resolve;
      // Stopped before the start (a stop while the worker was still setting up): nothing is sent.
      if (this.stopped) this.checkDone();
      else this.pacer.start();
    });
  }

  /** Sends nothing more (pending retries are dropped) and resolves once in-flight requests are answered. */
  stop(): void {
    this.stopped = true;
    this.pacer.stop();
    for (const timer of this.retryTimers) this.options.clock.clearTimer(timer);
    this.retryTimers.clear();
    this.checkDone();
  }

  private send(request: PlannedRequest, attempt: number, intendedMs: number): void {
    const { sink, clock, transport } = this.options;
    const seq = ++this.seq;
    this.inFlight++;
    sink.intended(intendedMs);
    const free = transport.send(request, {
      written: () => sink.written(clock.now()),
      answered: (response) => this.answered(request, seq, attempt, intendedMs, response),
      failed: (error) => {
        this.inFlight--;
        sink.unanswered(seq, error.message);
        this.checkDone();
      },
    });
    if (!free) sink.saturated(clock.now());
  }

  private answered(
    request: PlannedRequest,
    seq: number,
    attempt: number,
    intendedMs: number,
    response: WireResponse,
  ): void {
    const { sink, clock } = this.options;
    const now = clock.now();
    this.inFlight--;
    const fact: LiveFact = {
      seq,
      t: intendedMs,
      attempt,
      client: request.client,
      method: request.method,
      path: request.path,
      apiId: request.apiId,
      latencyMs: now - intendedMs,
      ...classifyResponse(response.status, response.headers, response.body),
    };
    if (this.options.keepBodies) fact.body = response.body;
    sink.answered(fact, now);
    if (!this.stopped && shouldRetry(request.retry, response.status, attempt)) {
      const waitMs = retryDelayMs(request.retry!, attempt, this.streams.retry);
      const dueMs = now + waitMs;
      const timer = clock.setTimer(() => {
        this.retryTimers.delete(timer);
        this.send(request, attempt + 1, dueMs);
      }, waitMs);
      this.retryTimers.add(timer);
    }
    this.checkDone();
  }

  private checkDone(): void {
    if (this.settle === null || this.inFlight > 0 || this.retryTimers.size > 0) return;
    if (!this.planEnded && !this.stopped) return;
    const settle = this.settle;
    this.settle = null;
    settle(this.stopped);
  }
}
