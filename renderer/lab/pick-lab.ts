import type { LabApi } from '../../core/contract/lab-api.ts';
import { createWsLabClient, type ConnectionState } from './ws-lab-client.ts';

/** The lab the app talks to, and how to watch its connection when it has one. */
export interface LabConnection {
  lab: LabApi;
  /** Present for the WebSocket transport; Electron's IPC has no connection to lose. */
  onConnectionChange?: (listener: (state: ConnectionState) => void) => () => void;
}

/** Mirrors `WS_PATH` in the contract; the renderer takes only types from there. */
const LAB_PATH = '/lab';

/**
 * The WebSocket address of the lab that served this page. The launch token travels too when the page was
 * opened with one, as a fallback to the cookie the server set on page load.
 */
export function labSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  return `${scheme}//${location.host}${LAB_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** Electron's preload facade when present, else the browser mode's WebSocket bridge. */
export function pickLab(target: Window & { gatelab?: LabApi }): LabConnection {
  if (target.gatelab) return { lab: target.gatelab };
  const client = createWsLabClient({ url: labSocketUrl(target.location) });
  return { lab: client, onConnectionChange: client.onConnectionChange };
}
