import os from 'node:os';
import path from 'node:path';

/**
 * The data folder used when none is given: EWSI_DATA_DIR, else the platform's
 * per-user application data folder (the same one Electron's userData uses).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.EWSI_DATA_DIR) return path.resolve(env.EWSI_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'EWSI Desktop');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'EWSI Desktop');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'EWSI Desktop');
}
