import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { LabApi } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { WS_NO_ID, type WsMessage } from '../../contract/ws-protocol.ts';
import { dispatchLabCall } from '../lab/dispatch.ts';

function send(socket: WebSocket, message: WsMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function badMessage(socket: WebSocket, message: string): void {
  send(socket, { id: WS_NO_ID, ok: false, error: { code: LAB_ERROR.badMessage, message } });
}

async function onMessage(socket: WebSocket, lab: LabApi, data: RawData, isBinary: boolean): Promise<void> {
  if (isBinary) return badMessage(socket, 'expected a JSON text frame');
  let request: unknown;
  try {
    request = JSON.parse(data.toString());
  } catch {
    return badMessage(socket, 'malformed JSON');
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return badMessage(socket, 'expected an object {id, method, args}');
  }
  const { id, method, args } = request as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return badMessage(socket, 'expected "id" to be an integer ≥ 0');
  }
  send(socket, { id, ...(await dispatchLabCall(lab, method, args)) });
}

/**
 * Carries the `LabApi` over each accepted WebSocket (`core/contract/ws-protocol.ts`): every request is checked and
 * answered once, lab events are pushed to every connection. Bad input gets an error reply, never a crash.
 */
export function serveLab(server: WebSocketServer, lab: LabApi, warn: (message: string) => void): void {
  server.on('connection', (socket) => {
    const unsubscribe = lab.onEvent((event) => send(socket, { event }));
    socket.on('message', (data, isBinary) => {
      onMessage(socket, lab, data, isBinary).catch((error: unknown) => warn(`lab socket: ${String(error)}`));
    });
    socket.on('close', unsubscribe);
    socket.on('error', (error) => warn(`lab socket: ${error.message}`));
  });
}
