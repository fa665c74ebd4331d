// The sandboxed preload (bundled as one CommonJS file): exposes `window.gatelab` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createLabBridge } from './lab-bridge.ts';

contextBridge.exposeInMainWorld('gatelab', createLabBridge(ipcRenderer));
