/**
 * The browser mode's wire protocol: the `LabApi` carried over one WebSocket at `/lab`. Requests carry an id
 * and are answered once; lab events are pushed. JSON text frames only.
 */
import type { LabEvent, LabMethod } from './lab-api.ts';

export const WS_PATH = '/lab';

/** Browser → lab. */
export interface WsRequest {
  id: number;
  method: LabMethod;
  args: unknown[];
}

/** Lab → browser. */
export type WsMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { event: LabEvent };
