// Where the database lives by default: the same per-user folder Electron uses as userData for "Painel".
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Painel');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Painel');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Painel');
}

/** --db PATH wins, then PAINEL_DB, then the per-user default. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.PAINEL_DB ?? join(defaultDataDir(env), 'painel.duckdb');
}
