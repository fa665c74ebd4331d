import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { arrivalTimes } from '../../../../core/engine/scenario/arrivals.ts';
import { randomStreams } from '../../../../core/engine/random/random-source.ts';
import type { Scenario } from '../../../../core/engine/scenario/schema.ts';
import { PacedLoad } from '../../../../core/node/live/paced-load.ts';
import { Pacer } from '../../../../core/node/live/pacer.ts';
import { FakeClock, FakeTransport, RecordingSink } from './fake-load.ts';

function scenario(extra: Record<string, unknown>): Scenario {
  const parsed = parseScenario({
    formatVersion: 1,
    name: 'pacing',
    target: { apiId: 'shop', stage: 'prod' },
    seed: 11,
    phases: [{ durationSeconds: 1, rate: 100 }],
    mix: [{ method: 'GET', path: '/items/{id}', params: { id: { sequence: {} } } }],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function plannedTimes(s: Scenario, seed: number): number[] {
  const cursor = arrivalTimes(s.phases!, s.arrivals, randomStreams(seed).arrivals);
  const times: number[] = [];
  for (let t = cursor.next(); t >= 0; t = cursor.next()) times.push(t);
  return times;
}

const OK = { status: 200, headers: {}, body: 'ok' };

describe('Pacer', () => {
  it('fires an evenly spaced schedule at its times, each send at its intended time', () => {
    const clock = new FakeClock();
    const fired: Array<[number, number]> = [];
    let k = 0;
    let ended = false;
    const pacer = new Pacer(
      () => (k < 5 ? 10 * k++ : -1),
      clock,
      (at) => fired.push([at, clock.now()]),
      () => (ended = true),
    );
    pacer.start();
    clock.runUntil(100);
    expect(fired).toEqual([
      [0, 0],
      [10, 10],
      [20, 20],
      [30, 30],
      [40, 40],
    ]);
    expect(ended).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('fires everything due at once after a late wake, keeping the intended times, a bounded number per wake', () => {
    const clock = new FakeClock();
    const fired: number[] = [];
    let k = 0;
    const pacer = new Pacer(
      () => (k < 10 ? k++ : -1),
      clock,
      (at) => fired.push(at),
      () => {},
      4,
    );
    clock.time = 1;
    pacer.start();
    expect(fired).toEqual([0, 1]);
    clock.jumpTo(50);
    expect(fired).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Eight due at the late wake, four per wake: two wakes, the second right after the first.
    expect(clock.runs).toEqual([50, 50]);
  });

  it('stops without calling the end', () => {
    const clock = new FakeClock();
    let ended = false;
    const pacer = new Pacer(
      () => 5,
      clock,
      () => pacer.stop(),
      () => (ended = true),
    );
    pacer.start();
    clock.runUntil(10);
    expect(pacer.running).toBe(false);
    expect(ended).toBe(false);
  });
});

describe('PacedLoad', () => {
  it('sends a uniform scenario on the evenly spaced plan, 10 ms apart at 100 rps', async () => {
    const clock = new FakeClock();
    const transport = new FakeTransport(clock);
    const sink = new RecordingSink();
    const load = new PacedLoad({ scenario: scenario({}), seed: 11, transport, sink, clock, keepBodies: false });
    const done = load.run();
    clock.runUntil(1000);
    expect(sink.intendedAt).toEqual(Array.from({ length: 100 }, (_, k) => k * 10));
    expect(sink.writtenAt).toEqual(sink.intendedAt);
    transport.answerAll(OK);
    expect(await done).toBe(false);
    expect(sink.facts.map((f) => f.seq)).toEqual(Array.from({ length: 100 }, (_, k) => k + 1));
  });

  it('sends a Poisson scenario at the times of the seeded arrivals stream, as virtual mode plans them', async () => {
    const s = scenario({ arrivals: 'poisson', phases: [{ durationSeconds: 2, rate: 50 }] });
    const clock = new FakeClock();
    const transport = new FakeTransport(clock);
    const sink = new RecordingSink();
    const done = new PacedLoad({ scenario: s, seed: 99, transport, sink, clock, keepBodies: false }).run();
    clock.runUntil(2000);
    const planned = plannedTimes(s, 99);
    expect(planned.length).toBeGreaterThan(50);
    expect(sink.intendedAt).toEqual(planned);
    const gaps = planned.slice(1).map((t, i) => t - planned[i]!);
    expect(new Set(gaps.map((g) => g.toFixed(6))).size).toBeGreaterThan(gaps.length / 2);
    transport.answerAll(OK);
    await done;
  });

  it('measures latency from the intended send time, so a late send counts against the gateway answer time', async () => {
    const clock = new FakeClock();
    const transport = new FakeTransport(clock);
    const sink = new RecordingSink();
    const done = new PacedLoad({ scenario: scenario({}), seed: 11, transport, sink, clock, keepBodies: true }).run();
    // The generator stalls for 45 ms: arrivals due at 0–40 ms all go out at 45 ms.
    clock.jumpTo(45);
    clock.time = 50;
    transport.answerAll({ status: 200, headers: { 'x-gatelab-cache': 'MISS' }, body: 'hello' });
    const latencies = sink.facts.map((f) => [f.t, f.latencyMs]);
    expect(latencies).toEqual([
      [0, 50],
      [10, 40],
      [20, 30],
      [30, 20],
      [40, 10],
    ]);
    expect(sink.facts[0]).toMatchObject({ cache: 'MISS', integrationCalled: true, body: 'hello', attempt: 1 });
    clock.runUntil(1000);
    transport.answerAll(OK);
    await done;
  });

  it("retries after the client's policy, the retry intended at its due time", async () => {
    const s = scenario({
      phases: [{ durationSeconds: 0.01, rate: 100 }],
      clients: [{ name: 'eve', retry: { on: [429], maxAttempts: 2, baseDelayMs: 100, jitter: 'none' } }],
    });
    const clock = new FakeClock();
    const transport = new FakeTransport(clock);
    const sink = new RecordingSink();
    const done = new PacedLoad({ scenario: s, seed: 1, transport, sink, clock, keepBodies: false }).run();
    clock.runUntil(5);
    clock.time = 5;
    transport.answerAll({ status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: '' });
    clock.runUntil(105);
    expect(sink.intendedAt).toEqual([0, 105]);
    clock.time = 107;
    transport.answerAll({ status: 429, headers: {}, body: '' });
    expect(await done).toBe(false);
    expect(sink.facts.map((f) => [f.seq, f.attempt, f.t, f.latencyMs])).toEqual([
      [1, 1, 0, 5],
      [2, 2, 105, 2],
    ]);
  });

  it('stops sending on stop and settles once the requests in flight are answered', async () => {
    const clock = new FakeClock();
    const transport = new FakeTransport(clock);
    const sink = new RecordingSink();
    const load = new PacedLoad({ scenario: scenario({}), seed: 11, transport, sink, clock, keepBodies: false });
    const done = load.run();
    clock.runUntil(25);
    load.stop();
    clock.runUntil(1000);
    expect(sink.intendedAt).toEqual([0, 10, 20]);
    transport.answerAll(OK);
    expect(await done).toBe(true);
  });
});
