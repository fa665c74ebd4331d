import { describe, expect, it } from 'vitest';
import { FactStream } from '../../../../core/node/live/fact-stream.ts';
import { LineOrder, requestLine } from '../../../../core/node/live/line-order.ts';
import type { LiveFact, WorkerMessage } from '../../../../core/node/live/live-protocol.ts';
import { generatorLimitedSeconds, liveSection, type LiveSecond } from '../../../../core/node/live/live-report.ts';
import { FakeClock } from './fake-load.ts';

function fact(seq: number, t: number): LiveFact {
  return {
    seq,
    t,
    attempt: 1,
    client: null,
    method: 'GET',
    path: '/prod/x',
    apiId: 'shop',
    latencyMs: 1,
    status: 200,
    gatewayError: null,
    throttledBy: null,
    cache: null,
    integrationCalled: true,
  };
}

describe('FactStream', () => {
  it('batches facts and announces each second before the first fact that finished after it', () => {
    const clock = new FakeClock();
    const posted: WorkerMessage[] = [];
    const stream = new FactStream((m) => posted.push(m), clock, true, 50);
    stream.start();
    stream.answered(fact(1, 10), 20);
    stream.answered(fact(2, 900), 999);
    stream.answered(fact(3, 990), 1001);
    clock.runUntil(1040);
    expect(posted.map((m) => (m.type === 'facts' ? m.facts.map((f) => f.seq) : m.type))).toEqual([
      [1, 2],
      'second',
      [3],
    ]);
    stream.finish(2000, false);
    expect(posted.filter((m) => m.type === 'second').map((m) => (m as { second: number }).second)).toEqual([0, 1]);
    expect(posted.at(-1)).toMatchObject({ type: 'done', endMs: 2000, stopped: false });
    expect(clock.pending).toBe(0);
  });

  it('counts intended and written requests per second and reports the unanswered', () => {
    const clock = new FakeClock();
    const posted: WorkerMessage[] = [];
    const stream = new FactStream((m) => posted.push(m), clock, true);
    for (const t of [0, 500, 999, 1500]) stream.intended(t);
    for (const t of [1, 501, 1000.5, 1501]) stream.written(t);
    stream.saturated(1200);
    stream.unanswered(4, 'ECONNRESET');
    stream.finish(2000, false);
    expect(posted[0]).toEqual({ type: 'facts', facts: [], skipped: [4] });
    expect(posted.at(-1)).toMatchObject({
      rates: { intended: [3, 1], achieved: [2, 2], saturated: [false, true] },
      unanswered: 1,
      firstError: 'ECONNRESET',
    });
  });
});

describe('LineOrder', () => {
  it('emits in seq order, passes over skipped requests, and flushes what still waits', () => {
    const out: number[] = [];
    const order = new LineOrder((line) => out.push(line.seq));
    order.push(requestLine(fact(2, 0)));
    order.skip(1);
    order.push(requestLine(fact(4, 0)));
    expect(out).toEqual([2]);
    order.flush();
    expect(out).toEqual([2, 4]);
  });

  it('cuts bodies at 4 KiB', () => {
    const line = requestLine({ ...fact(1, 0), body: 'x'.repeat(5000) });
    expect(line.body.length).toBe(4096);
    expect(line.bodyTruncated).toBe(true);
  });
});

describe('live report', () => {
  const point = (t: number, intendedRate: number | null, achievedRate: number, saturated = false): LiveSecond => ({
    t,
    intendedRate,
    achievedRate,
    saturated,
  });

  it('flags full seconds the generator fell behind in, not the gateway-bound or partial ones', () => {
    const series = [
      point(0, 1000, 990),
      point(1, 1000, 900),
      point(2, 1000, 800, true),
      point(3, 10, 9),
      point(4, 1000, 100),
    ];
    expect(generatorLimitedSeconds(series, 4500)).toEqual([1]);
    expect(generatorLimitedSeconds([point(0, null, 5)], 1000)).toEqual([]);
  });

  it('builds the section with mean rates over full seconds and a warning when the generator limited the rate', () => {
    const live = liveSection(
      {
        type: 'done',
        endMs: 2100,
        rates: { intended: [100, 100, 5], achieved: [100, 50, 5], saturated: [false, false, false] },
        unanswered: 0,
        firstError: null,
        stopped: false,
      },
      2000,
      null,
      [],
    );
    expect(live).toMatchObject({ loadModel: 'open', meanIntendedRate: 100, meanAchievedRate: 75 });
    expect(live.series).toHaveLength(3);
    expect(live.generatorLimitedSeconds).toEqual([1]);
    expect(live.warnings[0]).toMatch(/the load generator, not the gateway, limited the rate in 1 second\(s\) \(1\)/);
  });
});
