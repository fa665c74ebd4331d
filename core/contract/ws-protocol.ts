/**
 * The browser mode's wire protocol: the `LabApi` carried over one WebSocket at `/lab`. Requests carry an id
 * and are answered once; lab events are pushed. JSON text frames only.
 */
import type { LabEvent, LabMethod } from './lab-api.ts';

export const WS_PATH = '/lab';

/** The id of an error reply to a message whose own id couldn't be read (malformed JSON, no numeric id). */
export const WS_NO_ID = -1;

/** Browser → lab. */
export interface WsRequest {
  /** An integer ≥ 0, echoed in the reply. */
  id: number;
  method: LabMethod;
  args: unknown[];
}

/**
 * Lab → browser. A failed call's `error.code` is one of `LAB_ERROR` (`core/contract/lab-api-schemas.ts`); `id` is
 * `WS_NO_ID` when the request was unreadable.
 */
export type WsMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { event: LabEvent };
