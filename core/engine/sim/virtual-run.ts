import TinyQueue from 'tinyqueue';
import type { GatewayConfig } from '../config/schema.ts';
import { Gateway } from '../gateway/gateway.ts';
import type { Completed } from '../gateway/types.ts';
import { randomStreams, type RandomStreams } from '../random/random-source.ts';
import { RunRecorder } from '../run/run-recorder.ts';
import { arrivalTimes, type ArrivalCursor } from '../scenario/arrivals.ts';
import { closedLoopPlan, type ClosedLoopPlan } from '../scenario/closed-loop.ts';
import { RequestGenerator, type PlannedRequest } from '../scenario/request-generator.ts';
import { retryDelayMs, shouldRetry } from '../scenario/retry.ts';
import type { Scenario } from '../scenario/schema.ts';
import { planTrace, TraceCursor } from '../scenario/trace.ts';
import { scenarioDurationMs } from '../scenario/offered-rate.ts';
import { requestLine, type RequestLine } from './request-line.ts';
import {
  compareEvents,
  ORDER_ARRIVAL,
  ORDER_COMPLETION,
  ORDER_RETRY,
  type Attempt,
  type SimEvent,
} from './sim-events.ts';
import { toGatewayRequest } from './to-gateway-request.ts';

export interface VirtualRunOptions {
  config: GatewayConfig;
  scenario: Scenario;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Called once per response, in completion order; `seq` gives the arrival order. */
  onResponse?: (line: RequestLine) => void;
}

/** Closed-loop connections never wait less than this, so a 0 ms response with `rttMs` 0 can't spin forever. */
const MIN_LOOP_GAP_MS = 0.001;

/**
 * A discrete-event simulation of a scenario against the gateway engine on a virtual clock (SPEC §7).
 * Arrivals stream from the plan (never materialised), integrations complete after their modelled latency
 * as events, retries and closed-loop sends are events. `advance(untilMs)` runs in slices so hosts can show
 * progress, pace playback, or hot-apply a config between slices.
 */
export class VirtualRun {
  readonly gateway: Gateway;
  readonly recorder: RunRecorder;
  readonly seed: number;
  readonly plannedDurationMs: number;
  private readonly streams: RandomStreams;
  private readonly generator: RequestGenerator;
  private readonly queue = new TinyQueue<SimEvent>([], compareEvents);
  private readonly arrivals: ArrivalCursor | TraceCursor | null;
  /** The same cursor when it replays a trace, whose arrivals carry their requests. */
  private readonly trace: TraceCursor | null;
  private readonly loop: ClosedLoopPlan | null;
  private readonly onResponse: ((line: RequestLine) => void) | undefined;
  private nextArrival: number;
  private eventId = 0;
  private seq = 0;
  private firstAttempts = 0;
  private clock = 0;
  private closedSeconds = 0;
  private touchedSecond = -1;
  private finished = false;

  constructor(options: VirtualRunOptions) {
    const { scenario } = options;
    this.seed = options.seed ?? scenario.seed;
    this.streams = randomStreams(this.seed);
    this.gateway = new Gateway(options.config, {
      random: this.streams.engine,
      requestIds: this.streams.requestIds,
      startTime: 0,
      epochMs: Date.parse(scenario.startTime),
      metrics: false,
      responseHeaders: false,
    });
    this.recorder = new RunRecorder(scenario.clients.map((c) => c.name));
    this.generator = new RequestGenerator(scenario, this.streams);
    this.onResponse = options.onResponse;
    this.plannedDurationMs = scenarioDurationMs(scenario);
    this.loop = scenario.concurrency ? closedLoopPlan(scenario.concurrency) : null;
    if (scenario.phases) this.arrivals = arrivalTimes(scenario.phases, scenario.arrivals, this.streams.arrivals);
    else if (scenario.trace) this.arrivals = new TraceCursor(planTrace(scenario));
    else this.arrivals = null;
    this.trace = this.arrivals instanceof TraceCursor ? this.arrivals : null;
    this.nextArrival = this.arrivals === null ? -1 : this.arrivals.next();
    if (this.loop !== null) {
      for (let c = 0; c < this.loop.connections; c++) this.schedule(0, ORDER_ARRIVAL, null, 1, c);
    }
  }

  /** Simulated time reached, in ms since the start. */
  get now(): number {
    return this.clock;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Processes every event before `untilMs` (simulated ms). Returns true once the run has nothing left to do. */
  advance(untilMs: number): boolean {
    while (!this.finished) {
      const top = this.queue.peek();
      const arrival = this.nextArrival;
      const takeQueued =
        top !== undefined && (arrival < 0 || top.time < arrival || (top.time === arrival && top.order < ORDER_ARRIVAL));
      const time = takeQueued ? top.time : arrival;
      if (!takeQueued && arrival < 0) {
        this.finish();
        break;
      }
      if (time >= untilMs) {
        this.clock = Math.max(this.clock, untilMs);
        this.closeSecondsBefore(this.clock);
        return false;
      }
      this.closeSecondsBefore(time);
      this.clock = time;
      if (takeQueued) this.runEvent(this.queue.pop()!);
      else {
        const request = this.trace !== null ? this.trace.request! : this.generator.next();
        this.nextArrival = this.arrivals!.next();
        this.send(request, 1, time, -1);
      }
    }
    return true;
  }

  /** Runs to the end. */
  runToEnd(): void {
    this.advance(Number.POSITIVE_INFINITY);
  }

  private runEvent(event: SimEvent): void {
    if (event.kind === 'complete') {
      const { ticket } = event;
      const result = ticket.modeledTimeout ? ({ failure: 'timeout' } as const) : ticket.modeled;
      this.respond(event.attempt, this.gateway.complete(ticket, result, event.time), event.time);
      return;
    }
    let request = event.request;
    if (request === null) {
      if (this.loop!.maxRequests !== null && this.firstAttempts >= this.loop!.maxRequests) return;
      request = this.generator.next();
    }
    this.send(request, event.attempt, event.time, event.connection);
  }

  private send(request: PlannedRequest, attempt: number, t: number, connection: number): void {
    if (attempt === 1) this.firstAttempts++;
    const second = Math.floor(t / 1000);
    if (second !== this.touchedSecond) {
      this.recorder.touch(second);
      this.touchedSecond = second;
    }
    const current: Attempt = { seq: ++this.seq, t, attempt, request, connection };
    const decision = this.gateway.handle(toGatewayRequest(request), t);
    if (decision.kind === 'done') this.respond(current, decision, t);
    else {
      this.queue.push({
        time: t + decision.modeled.latencyMs,
        order: ORDER_COMPLETION,
        id: this.eventId++,
        kind: 'complete',
        ticket: decision,
        attempt: current,
      });
    }
  }

  private respond(current: Attempt, result: Completed, now: number): void {
    const { outcome, response } = result;
    const latencyMs = now - current.t;
    this.recorder.recordResponse(current.t, current.attempt, current.request.client, latencyMs, outcome);
    if (this.onResponse) this.onResponse(requestLine(current, result, latencyMs));
    const policy = current.request.retry;
    if (shouldRetry(policy, response.status, current.attempt)) {
      const wait = retryDelayMs(policy!, current.attempt, this.streams.retry);
      this.schedule(now + wait, ORDER_RETRY, current.request, current.attempt + 1, current.connection);
    } else if (current.connection >= 0 && now + this.loop!.rttMs < this.loop!.durationMs) {
      this.schedule(now + Math.max(MIN_LOOP_GAP_MS, this.loop!.rttMs), ORDER_ARRIVAL, null, 1, current.connection);
    }
  }

  private schedule(
    time: number,
    order: 1 | 2,
    request: PlannedRequest | null,
    attempt: number,
    connection: number,
  ): void {
    this.queue.push({ time, order, id: this.eventId++, kind: 'send', request, attempt, connection });
  }

  private closeSecondsBefore(time: number): void {
    while ((this.closedSeconds + 1) * 1000 <= time) this.closeSecond();
  }

  private closeSecond(): void {
    const end = (this.closedSeconds + 1) * 1000;
    this.recorder.closeSecond(this.closedSeconds, () => {
      const levels: Record<string, number> = {};
      for (const bucket of this.gateway.bucketLevels(end)) levels[bucket.id] = bucket.level;
      return levels;
    });
    this.closedSeconds++;
  }

  /** When the next event happens (simulated ms), or Infinity when nothing is left: lets hosts skip idle time. */
  get nextEventAt(): number {
    const top = this.queue.peek();
    const arrival = this.nextArrival < 0 ? Number.POSITIVE_INFINITY : this.nextArrival;
    return top === undefined ? arrival : Math.min(top.time, arrival);
  }

  private finish(): void {
    this.clock = Math.max(this.clock, this.plannedDurationMs);
    while (this.closedSeconds * 1000 < this.clock) this.closeSecond();
    this.finished = true;
  }

  /** Hot-applies a config between slices (SPEC §9 persistence rules). */
  applyConfig(config: GatewayConfig): void {
    this.gateway.applyConfig(config, this.clock);
  }

  /** How far the run has come, for progress displays. */
  progress(): { simulatedMs: number; plannedMs: number; sent: number } {
    return { simulatedMs: this.clock, plannedMs: this.plannedDurationMs, sent: this.recorder.sent };
  }
}
