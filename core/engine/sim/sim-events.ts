import type { IntegrationTicket } from '../gateway/types.ts';
import type { PlannedRequest } from '../scenario/request-generator.ts';

/** Same-instant order (SPEC §9): integration completions, then arrivals in plan order, then retries. */
export const ORDER_COMPLETION = 0;
export const ORDER_ARRIVAL = 1;
export const ORDER_RETRY = 2;

/** A request on its way through the simulation: one attempt of one planned request. */
export interface Attempt {
  seq: number;
  /** Arrival time in ms since the start. */
  t: number;
  attempt: number;
  request: PlannedRequest;
  /** The closed-loop connection that sent it, or -1 for open-loop traffic. */
  connection: number;
}

export type SimEvent =
  | { time: number; order: 0; id: number; kind: 'complete'; ticket: IntegrationTicket; attempt: Attempt }
  | {
      time: number;
      order: 1 | 2;
      id: number;
      kind: 'send';
      /** null: a closed-loop connection's next request, drawn when it is sent. */
      request: PlannedRequest | null;
      attempt: number;
      connection: number;
    };

/** Orders events by time, then same-instant order, then insertion. */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return a.time - b.time || a.order - b.order || a.id - b.id;
}
