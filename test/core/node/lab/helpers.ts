import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabApi, LabEvent } from '../../../../core/contract/lab-api.ts';
import type { Scheduler } from '../../../../core/node/lab/run-driver.ts';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');

/** A fresh temporary folder. */
export function tempDir(prefix = 'gatelab-lab-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An example file's parsed JSON. */
export function example<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as T;
}

/** Timers that fire only when the test says so; time moves only when a timer fires. */
export class ManualScheduler implements Scheduler {
  time = 0;
  private timers: Array<{ at: number; seq: number; fn: () => void }> = [];
  private seq = 0;

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + ms, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  defer(fn: () => void): () => void {
    return this.after(0, fn);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Fires the next timer; false when none is pending. */
  step(): boolean {
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.timers.shift();
    if (!next) return false;
    this.time = Math.max(this.time, next.at);
    next.fn();
    return true;
  }
}

/** Collects a lab's events and resolves when one matches. */
export function recordEvents(api: LabApi): {
  events: LabEvent[];
  next(match: (e: LabEvent) => boolean): Promise<LabEvent>;
} {
  const events: LabEvent[] = [];
  const waiters: Array<{ match: (e: LabEvent) => boolean; resolve: (e: LabEvent) => void }> = [];
  api.onEvent((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (!waiter.match(event)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  });
  return {
    events,
    next: (match) =>
      new Promise((resolve) => {
        const seen = events.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
  };
}

export const isEnd = (runId?: string) => (e: LabEvent) =>
  e.type === 'run-ended' && (runId === undefined || e.runId === runId);
