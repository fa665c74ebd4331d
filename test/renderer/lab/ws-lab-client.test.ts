import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabEvent } from '../../../core/contract/lab-api.ts';
import { labSocketUrl } from '../../../renderer/lab/pick-lab.ts';
import { createWsLabClient, LabRequestError, type SocketLike } from '../../../renderer/lab/ws-lab-client.ts';
import { summary } from '../support/fixtures.ts';

/** A socket the test drives: it opens, answers and drops when told to. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; method: string; args: unknown[] }> = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

let sockets: FakeSocket[];
const latest = () => sockets.at(-1)!;
const client = (timeoutMs = 1000) =>
  createWsLabClient({
    url: 'ws://127.0.0.1:1234/lab',
    requestTimeoutMs: timeoutMs,
    reconnectDelayMs: 100,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('WebSocket lab client', () => {
  it('queues calls until the socket opens, then correlates replies by id whatever their order', async () => {
    const lab = client();
    const runs = lab.listRuns();
    const loaded = lab.loadExample('petstore.gatelab.json');
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual([
      { id: 1, method: 'listRuns', args: [] },
      { id: 2, method: 'loadExample', args: ['petstore.gatelab.json'] },
    ]);
    latest().receive({ id: 2, ok: true, result: { kind: 'config' } });
    latest().receive({ id: 1, ok: true, result: [summary('r')] });
    await expect(loaded).resolves.toEqual({ kind: 'config' });
    await expect(runs).resolves.toEqual([summary('r')]);
  });

  it('rejects with the lab’s error code and message', async () => {
    const lab = client();
    latest().open();
    const started = lab.startRun({ mode: 'live' } as never);
    latest().receive({
      id: 1,
      ok: false,
      error: { code: 'GATELAB_E_UNSUPPORTED', message: 'live mode is not here yet' },
    });
    const error = await started.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabRequestError);
    expect(error).toMatchObject({ code: 'GATELAB_E_UNSUPPORTED', message: 'live mode is not here yet' });
  });

  it('times a call out when no reply comes, and ignores a late reply', async () => {
    const lab = client(500);
    latest().open();
    const call = lab.stopRun('r1');
    const outcome = call.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(501);
    expect(await outcome).toMatchObject({ code: 'GATELAB_E_TIMEOUT' });
    expect(() => latest().receive({ id: 1, ok: true, result: null })).not.toThrow();
  });

  it('delivers pushed events to every listener until it unsubscribes', () => {
    const lab = client();
    latest().open();
    const seen: LabEvent[] = [];
    const other: LabEvent[] = [];
    const off = lab.onEvent((event) => seen.push(event));
    lab.onEvent((event) => other.push(event));
    const event: LabEvent = { type: 'run-ended', runId: 'r', state: 'finished', summary: summary('r') };
    latest().receive({ event });
    off();
    latest().receive({ event });
    expect(seen).toEqual([event]);
    expect(other).toEqual([event, event]);
  });

  it('fails calls in flight when the socket drops, reconnects, and keeps its event listeners', async () => {
    const lab = client();
    const states: string[] = [];
    lab.onConnectionChange((state) => states.push(state));
    latest().open();
    const seen: LabEvent[] = [];
    lab.onEvent((event) => seen.push(event));
    const inFlight = lab.listRuns().catch((e: unknown) => e);
    latest().drop();
    expect(await inFlight).toMatchObject({ code: 'GATELAB_E_DISCONNECTED' });
    const queued = lab.listExamples();
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([{ id: 2, method: 'listExamples', args: [] }]);
    latest().receive({ id: 2, ok: true, result: [] });
    await expect(queued).resolves.toEqual([]);
    const event: LabEvent = { type: 'run-ended', runId: 'r', state: 'stopped', summary: summary('r') };
    latest().receive({ event });
    expect(seen).toEqual([event]);
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('skips frames that are not JSON and keeps going when a listener throws', () => {
    const lab = client();
    latest().open();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: LabEvent[] = [];
    lab.onEvent(() => {
      throw new Error('listener bug');
    });
    lab.onEvent((event) => seen.push(event));
    latest().onmessage?.({ data: 'not json' });
    latest().receive({ event: { type: 'run-ended', runId: 'r', state: 'finished', summary: summary('r') } });
    expect(seen).toHaveLength(1);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('stops reconnecting and fails pending calls once closed', async () => {
    const lab = client();
    const pending = lab.listRuns().catch((e: unknown) => e);
    lab.close();
    expect(await pending).toMatchObject({ code: 'GATELAB_E_DISCONNECTED' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(sockets).toHaveLength(1);
    await expect(lab.listRuns()).rejects.toMatchObject({ code: 'GATELAB_E_DISCONNECTED' });
  });
});

describe('labSocketUrl', () => {
  it('points at /lab on the page’s own host and carries the launch token', () => {
    expect(labSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173', search: '?token=a+b' })).toBe(
      'ws://127.0.0.1:5173/lab?token=a%20b',
    );
    expect(labSocketUrl({ protocol: 'https:', host: 'example.test', search: '' })).toBe('wss://example.test/lab');
  });
});
