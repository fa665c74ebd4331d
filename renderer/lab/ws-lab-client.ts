import type { LabApi, LabEvent, LabMethod } from '../../core/contract/lab-api.ts';
import type { WsMessage, WsRequest } from '../../core/contract/ws-protocol.ts';

/** The part of the browser's `WebSocket` the client uses, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Connection state, for a "reconnecting…" notice. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** A failed lab call: the lab's own error code, or `GATELAB_E_TIMEOUT` / `GATELAB_E_DISCONNECTED`. */
export class LabRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LabRequestError';
  }
}

export interface WsLabClientOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** How long a call may wait for its reply. */
  requestTimeoutMs?: number;
  /** First reconnect delay; doubles up to 8× on repeated failures. */
  reconnectDelayMs?: number;
}

/** A `LabApi` over the browser mode's WebSocket, plus connection controls. */
export interface WsLabClient extends LabApi {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  frame: string;
  sent: boolean;
}

const OPEN = 1;

/**
 * Creates the WebSocket `LabApi` client (protocol in `ws-protocol.ts`). Calls made while connecting are sent
 * once the socket opens. Event and connection listeners belong to the client, not to a socket, so they keep
 * working across reconnects; calls in flight when a socket drops fail rather than hang.
 */
export function createWsLabClient(options: WsLabClientOptions): WsLabClient {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const baseDelay = options.reconnectDelayMs ?? 500;
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(event: LabEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: SocketLike | null = null;
  let nextId = 0;
  let failures = 0;
  let disposed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (state: ConnectionState) => stateListeners.forEach((listener) => listener(state));

  function settle(id: number, outcome: { value: unknown } | { error: Error }): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    if ('error' in outcome) call.reject(outcome.error);
    else call.resolve(outcome.value);
  }

  function flush(): void {
    if (socket?.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (call.sent) continue;
      socket.send(call.frame);
      call.sent = true;
    }
  }

  function receive(data: unknown): void {
    let message: WsMessage;
    try {
      message = JSON.parse(String(data)) as WsMessage;
    } catch {
      return;
    }
    if ('event' in message) {
      for (const listener of [...eventListeners]) {
        try {
          listener(message.event);
        } catch (error) {
          console.error('lab event listener failed', error);
        }
      }
    } else if (message.ok) settle(message.id, { value: message.result });
    else settle(message.id, { error: new LabRequestError(message.error.code, message.error.message) });
  }

  function connect(): void {
    reconnectTimer = null;
    setState('connecting');
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      failures = 0;
      setState('open');
      flush();
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      for (const [id, call] of pending) {
        if (call.sent)
          settle(id, { error: new LabRequestError('GATELAB_E_DISCONNECTED', 'The lab connection was lost') });
      }
      setState('closed');
      if (disposed) return;
      const delay = baseDelay * 2 ** Math.min(failures++, 3);
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  function request(method: LabMethod, args: unknown[]): Promise<unknown> {
    if (disposed) return Promise.reject(new LabRequestError('GATELAB_E_DISCONNECTED', 'The lab client is closed'));
    const id = ++nextId;
    const frame = JSON.stringify({ id, method, args } satisfies WsRequest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          settle(id, { error: new LabRequestError('GATELAB_E_TIMEOUT', `The lab did not answer ${method} in time`) }),
        timeoutMs,
      );
      pending.set(id, { resolve, reject, timer, frame, sent: false });
      flush();
    });
  }

  const call = <M extends LabMethod>(method: M, ...args: Parameters<LabApi[M]>) =>
    request(method, args) as ReturnType<LabApi[M]>;

  connect();
  return {
    listExamples: () => call('listExamples'),
    loadExample: (name) => call('loadExample', name),
    validateConfig: (data) => call('validateConfig', data),
    validateScenario: (data) => call('validateScenario', data),
    saveDocument: (kind, value, suggestedName) => call('saveDocument', kind, value, suggestedName),
    openDocument: (kind) => call('openDocument', kind),
    startRun: (runRequest) => call('startRun', runRequest),
    stopRun: (runId) => call('stopRun', runId),
    setPlaybackSpeed: (runId, speed) => call('setPlaybackSpeed', runId, speed),
    listRuns: () => call('listRuns'),
    getReport: (runId) => call('getReport', runId),
    exportRun: (runId, format) => call('exportRun', runId, format),
    deploy: (config, apiId, description, stages) => call('deploy', config, apiId, description, stages),
    promoteCanary: (config, apiId, stage) => call('promoteCanary', config, apiId, stage),
    applyConfig: (runId, config) => call('applyConfig', runId, config),
    renameRun: (runId, name) => call('renameRun', runId, name),
    deleteRun: (runId) => call('deleteRun', runId),
    openRun: (runId) => call('openRun', runId),
    compareRuns: (runIdA, runIdB) => call('compareRuns', runIdA, runIdB),
    whatIf: (configA, configB, scenario, seed) => call('whatIf', configA, configB, scenario, seed),
    recommend: (request) => call('recommend', request),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      disposed = true;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      for (const id of [...pending.keys()]) {
        settle(id, { error: new LabRequestError('GATELAB_E_DISCONNECTED', 'The lab client is closed') });
      }
      socket?.close();
    },
  };
}
