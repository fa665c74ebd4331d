import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_LAMBDA_IDLE_MS,
  unrefIdleTimer,
  type IdleTimer,
} from '../../../../core/node/integrations/lambda-pool.ts';
import { get, httpApi, serve } from '../helpers.ts';

/** Reports which execution environment answered and how many invocations it has served. */
const WHO_AM_I = `import { threadId } from 'node:worker_threads';
let calls = 0;
export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ threadId, calls: ++calls }) });`;

interface Scheduled {
  ms: number;
  /** What the pool asked to run when the timer fires. */
  reap: () => Promise<void>;
  /** Fires the timer: runs `reap` once and counts the timer as done. */
  fire: () => Promise<void>;
  done: boolean;
}

/** An idle timer the test fires by hand, so reaping happens on cue instead of after a wait. */
function manualTimer() {
  const scheduled: Scheduled[] = [];
  const timer: IdleTimer = (reap, ms) => {
    const entry: Scheduled = { ms, reap, done: false, fire: () => ((entry.done = true), reap()) };
    scheduled.push(entry);
    return () => void (entry.done = true);
  };
  const pending = () => scheduled.filter((entry) => !entry.done);
  return { timer, scheduled, pending };
}

async function whoAmI(server: { url: string }): Promise<{ threadId: number; calls: number }> {
  const reply = await get(server, '/who');
  expect(reply.status).toBe(200);
  return reply.json() as { threadId: number; calls: number };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LAMBDA idle execution environments', () => {
  it('terminates an instance left idle past the timeout; the next request starts a cold one', async () => {
    const clock = manualTimer();
    const config = httpApi([{ method: 'GET', path: '/who', integration: { type: 'LAMBDA', code: WHO_AM_I } }]);
    const server = await serve(config, { lambdaIdle: { timeoutMs: 60_000, timer: clock.timer } });

    const first = await whoAmI(server);
    expect(first.calls).toBe(1);
    expect(clock.pending().map((entry) => entry.ms)).toEqual([60_000]);
    const staleReap = clock.pending()[0]!.reap;

    // Reuse cancels the idle timer; a reap that still fires for that stretch leaves the instance alone.
    expect(await whoAmI(server)).toEqual({ threadId: first.threadId, calls: 2 });
    await staleReap();
    expect(await whoAmI(server)).toEqual({ threadId: first.threadId, calls: 3 });

    const [idle] = clock.pending();
    expect(clock.pending()).toHaveLength(1);
    await idle!.fire();
    const cold = await whoAmI(server);
    expect(cold.threadId).not.toBe(first.threadId);
    expect(cold.calls).toBe(1);

    await server.close();
    expect(clock.pending()).toEqual([]);
  });

  it('waits five minutes by default', async () => {
    const clock = manualTimer();
    const config = httpApi([{ method: 'GET', path: '/who', integration: { type: 'LAMBDA', code: WHO_AM_I } }]);
    const server = await serve(config, { lambdaIdle: { timer: clock.timer } });
    await whoAmI(server);
    expect(DEFAULT_LAMBDA_IDLE_MS).toBe(300_000);
    expect(clock.scheduled.map((entry) => entry.ms)).toEqual([DEFAULT_LAMBDA_IDLE_MS]);
  });

  it('schedules reaping on an unref’d timer, so it never keeps the process alive', () => {
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const cancel = unrefIdleTimer(() => Promise.resolve(), 60_000);
    const timeout = setTimer.mock.results[0]!.value as NodeJS.Timeout;
    expect(timeout.hasRef()).toBe(false);
    cancel();
  });
});
