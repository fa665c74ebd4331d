/**
 * Names shared by Electron's main process, the preload and the lab's utility process. Kept free of runtime
 * imports so the sandboxed preload bundle stays tiny.
 */
import type { LabEvent, LabMethod } from '../../core/contract/lab-api.ts';
import type { LabErrorInfo } from '../../core/contract/lab-api-schemas.ts';

/** The custom scheme the renderer is served from, so it has a real origin to check senders and navigation against. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gatelab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** One IPC channel per `LabApi` method. */
export const labChannel = (method: LabMethod): string => `lab:${method}`;
/** Lab events, main → renderer. */
export const LAB_EVENT_CHANNEL = 'lab:event';

/** A method's answer over IPC: Electron passes only an Error's message through, so failures travel as data. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: LabErrorInfo };

/** Main → lab process, over the MessagePort. */
export type ToLab =
  | { id: number; method: LabMethod; args: unknown[] }
  | { dialogId: number; path: string | null }
  /** Stop every run, save the reports, exit. */
  | { close: true };

/** A native file dialog the lab process asks main to show. */
export type DialogRequest =
  | { op: 'save'; kind: 'config' | 'scenario' | 'report'; suggestedName: string }
  | { op: 'open'; kind: 'config' | 'scenario' };

/** Lab process → main: call replies, events, and dialog requests. */
export type FromLab = ({ id: number } & IpcReply) | { event: LabEvent } | (DialogRequest & { dialogId: number });

/** The first message to the lab process, carrying the port and where its files are. */
export interface LabInit {
  examplesDir: string;
  dataDir: string;
  /** The bundled price table: the lab process is a bundle without module URLs, so it can't find it itself. */
  pricesFile: string;
}
