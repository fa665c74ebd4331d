#!/usr/bin/env node
// `npm start` (SPEC §1): the desktop app, or — when Electron can't run on this machine — one line saying why and
// the browser UI instead. The logic lives in electron/launcher/launch-app.ts, where it is tested.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const { launchApp } = await import('../electron/launcher/launch-app.ts');
const { systemLaunchDeps } = await import('../electron/launcher/system-launch-deps.ts');
const openBrowserUi = async () => {
  const { uiCommand } = await import('../core/cli/commands/ui.ts');
  return uiCommand({ open: true });
};
process.exitCode = await launchApp(systemLaunchDeps(root, openBrowserUi));
