import os from 'node:os';
import path from 'node:path';

/**
 * The app's own data file, in the same per-user folder Electron uses for "userData" (so the desktop
 * app, the CLI and browser mode all find the same shop): ~/.config/Regulars on Linux,
 * ~/Library/Application Support/Regulars on macOS, %APPDATA%\Regulars on Windows.
 * REGULARS_DB overrides it.
 */
export function defaultDataFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.REGULARS_DB) return path.resolve(env.REGULARS_DB);
  return path.join(userDataDir(env, platform), 'regulars.sqlite');
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Regulars');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Regulars');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Regulars');
}
