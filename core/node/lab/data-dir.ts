import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's data folder (run history): `GATELAB_DATA_DIR` when set, else the platform's per-user app-data folder:
 * `$XDG_DATA_HOME/gatelab` or `~/.local/share/gatelab`, `%APPDATA%\gatelab`, `~/Library/Application Support/gatelab`.
 */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.GATELAB_DATA_DIR) return env.GATELAB_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'gatelab');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'gatelab');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'gatelab');
}
