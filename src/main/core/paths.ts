import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const APP_NAME = 'Tonearm';

/**
 * The data folder Electron would pick for app.getPath('userData'); the CLI and the headless
 * host compute it the same way so that, without --db, all of them share one catalog.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TONEARM_DATA_DIR) return env.TONEARM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export interface DataPaths {
  dataDir: string;
  dbPath: string;
  coversDir: string;
  cacheDir: string;
}

export function dataPaths(givenDbPath?: string): DataPaths {
  const dbPath = givenDbPath ? resolve(givenDbPath) : undefined;
  const dataDir = dbPath ? dirname(dbPath) : defaultDataDir();
  return {
    dataDir,
    dbPath: dbPath ?? join(dataDir, 'catalog.sqlite'),
    coversDir: join(dataDir, 'covers'),
    cacheDir: join(dataDir, 'chunk-cache'),
  };
}

/** The log file of a data folder; electron-log rotates it to tonearm.old.log beside it. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'tonearm.log');
}
