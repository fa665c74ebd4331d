import { LambdaInstance, type InvocationContext, type InvocationResult } from './lambda-instance.ts';
import type { LambdaSource } from './lambda-source.ts';

/**
 * How long a warm execution environment may sit idle before it is reclaimed. AWS documents no figure and
 * reclaims idle sandboxes after minutes, not hours; this takes the short end of what is commonly observed.
 */
export const DEFAULT_LAMBDA_IDLE_MS = 5 * 60_000;

/**
 * Schedules the reclaiming of one idle instance after `ms`; returns a function that cancels it. `reap`
 * resolves once the instance's thread has exited.
 */
export type IdleTimer = (reap: () => Promise<void>, ms: number) => () => void;

/** The default timer, unref'd: waiting to reclaim an instance must never be what keeps the process alive. */
export const unrefIdleTimer: IdleTimer = (reap, ms) => {
  const timer = setTimeout(() => void reap(), ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** How idle execution environments are reclaimed. */
export interface LambdaIdleOptions {
  /** Default {@link DEFAULT_LAMBDA_IDLE_MS}; `Infinity` (or anything over 2^31 − 1) keeps them until `close`. */
  timeoutMs?: number;
  /** Default {@link unrefIdleTimer}; tests pass their own to reclaim on cue. */
  timer?: IdleTimer;
}

/** One invocation as the pool runs it. */
export interface Invocation {
  event: unknown;
  context: InvocationContext;
  timeoutMs: number;
  coldStartMs: number;
  limit: number;
}

interface IdleInstance {
  instance: LambdaInstance;
  cancel: () => void;
}

/** setTimeout's longest delay; a longer one would fire after 1 ms instead. */
const MAX_DELAY_MS = 2 ** 31 - 1;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One function's execution environments: reused when idle (the most recent first, so the oldest age out),
 * created (cold) when all are busy, and terminated once idle for longer than the idle timeout.
 */
export class LambdaPool {
  private readonly idle: IdleInstance[] = [];
  private busy = 0;
  private closed = false;
  private readonly idleMs: number;
  private readonly timer: IdleTimer;

  constructor(
    private readonly source: LambdaSource,
    private readonly workerFile: string | URL | undefined,
    idle: LambdaIdleOptions = {},
  ) {
    this.idleMs = idle.timeoutMs ?? DEFAULT_LAMBDA_IDLE_MS;
    this.timer = idle.timer ?? unrefIdleTimer;
  }

  async invoke(invocation: Invocation): Promise<InvocationResult | 'throttled'> {
    // An instance is busy for the whole invocation, so concurrent executions are exactly `busy`.
    if (this.busy >= invocation.limit) return 'throttled';
    const parked = this.idle.pop();
    parked?.cancel();
    const cold = parked === undefined;
    const instance = parked?.instance ?? new LambdaInstance(this.source, this.workerFile);
    this.busy++;
    try {
      if (cold) {
        await instance.ready;
        if (invocation.coldStartMs > 0) await delay(invocation.coldStartMs);
      }
      const { event, context, timeoutMs } = invocation;
      return await instance.invoke(event, { ...context, deadline: Date.now() + timeoutMs }, timeoutMs);
    } finally {
      this.busy--;
      if (this.closed) void instance.terminate();
      else if (!instance.dead) this.park(instance);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    for (const parked of idle) parked.cancel();
    await Promise.all(idle.map((parked) => parked.instance.terminate()));
  }

  private park(instance: LambdaInstance): void {
    const parked: IdleInstance = { instance, cancel: () => undefined };
    if (this.idleMs <= MAX_DELAY_MS) parked.cancel = this.timer(() => this.reap(parked), this.idleMs);
    this.idle.push(parked);
  }

  private reap(parked: IdleInstance): Promise<void> {
    const at = this.idle.indexOf(parked);
    if (at === -1) return Promise.resolve();
    this.idle.splice(at, 1);
    return parked.instance.terminate();
  }
}
