/** The browser mode's server (`gatelab ui`): the built renderer and the lab over a WebSocket, on 127.0.0.1. */
export { startUiServer, type UiServer, type UiServerOptions } from './ui-server.ts';
export { contentSecurityPolicy } from './csp.ts';
export { NOT_BUILT_MESSAGE } from './static-files.ts';
