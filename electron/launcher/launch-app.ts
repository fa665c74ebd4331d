/** What `npm start` needs from the machine, injected so every fallback path is testable. */
export interface LaunchDeps {
  /** Prints one line for the user. */
  log(line: string): void;
  /** The Electron binary's path, or null when it isn't installed. */
  electronBinary(): string | null;
  /** Tries to download the binary (`node node_modules/electron/install.js`); null when it worked, else why not. */
  installElectron(): Promise<string | null>;
  /** Why no window can be shown here (no display), or null. */
  noDisplayReason(): string | null;
  /** Builds the Electron bundles (and the renderer if missing); null when ready, else why not. */
  buildApp(): Promise<string | null>;
  /** Runs Electron on the app; `startupFailure` says why when it died before it could show a window. */
  runElectron(binary: string): Promise<{ code: number; startupFailure: string | null }>;
  /** Serves the browser UI and opens the default browser (`gatelab ui`); resolves with its exit code. */
  openBrowserUi(): Promise<number>;
}

/**
 * `npm start` (SPEC §1): the desktop app when Electron can run here, otherwise one line saying why and the browser
 * UI instead, so the user always gets an app. Resolves with the process exit code.
 */
export async function launchApp(deps: LaunchDeps): Promise<number> {
  let binary = deps.electronBinary();
  let installFailure: string | null = null;
  if (binary === null) {
    deps.log('Gatelab: the Electron binary is missing; trying to download it…');
    installFailure = await deps.installElectron();
    binary = deps.electronBinary();
  }
  let reason: string | null;
  if (binary === null)
    reason = `Electron is not installed and could not be downloaded (${installFailure ?? 'offline?'})`;
  else reason = deps.noDisplayReason() ?? (await deps.buildApp());
  if (binary !== null && reason === null) {
    const run = await deps.runElectron(binary);
    if (run.startupFailure === null) return run.code;
    reason = `Electron could not start (${run.startupFailure})`;
  }
  deps.log(`Gatelab: ${reason}; opening the browser UI instead.`);
  return deps.openBrowserUi();
}
