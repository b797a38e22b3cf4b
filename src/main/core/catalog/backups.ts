// Rolling backups with SQLite's online backup, and restoring one with the catalog closed.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { CatalogBackup, RestoreResult } from '../../../shared/catalog.ts';
import { TonearmError } from '../../../shared/result.ts';
import { backupPathFor, ensureBackupsDir, listBackups, pruneBackups, stamp } from './backup-files.ts';
import { checkFile } from './integrity.ts';

const DAY_MS = 86_400_000;

/**
 * One backup now from an open connection. better-sqlite3 copies a step of pages per turn of
 * the event loop, so the main process keeps answering; a write from the writer thread in
 * the middle makes SQLite start the copy again, so what lands is one committed state. It is
 * written under a .partial name and renamed: a crash leaves no half backup that looks whole.
 */
export async function writeBackup(db: Database.Database, dbPath: string, keep: number, now = new Date()) {
  ensureBackupsDir(dbPath);
  const path = backupPathFor(dbPath, now);
  const partial = `${path}.partial`;
  try {
    await db.backup(partial, { progress: stepsThatFinish() });
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  pruneBackups(dbPath, keep);
  return listBackups(dbPath).find((backup) => backup.path === path)!;
}

const PAGES_PER_STEP = 100;

/**
 * Pages per step. A commit by another connection (the writer thread, every 100 ms in an
 * import) restarts the copy; in small steps it would restart forever. After a restart the
 * rest goes in one step: one stall of about a second at 250k tracks instead of no backup.
 */
function stepsThatFinish(): (info: { totalPages: number; remainingPages: number }) => number {
  let lastRemaining = Infinity;
  let restarted = false;
  return ({ totalPages, remainingPages }) => {
    // A restarted copy makes no headway: the same pages remain after a step as before it.
    if (remainingPages >= lastRemaining) restarted = true;
    lastRemaining = remainingPages;
    return restarted ? Math.max(totalPages, PAGES_PER_STEP) : PAGES_PER_STEP;
  };
}

export function backupIsDue(dbPath: string, now = Date.now()): boolean {
  const newest = listBackups(dbPath)[0];
  return !newest || now - newest.createdAt >= DAY_MS;
}

/** The newest backup that passes quick_check, or null. */
export function newestGoodBackup(dbPath: string): CatalogBackup | null {
  return listBackups(dbPath).find((backup) => checkFile(backup.path) === null) ?? null;
}

/**
 * Puts a backup in the catalog's place. Only with every connection to the catalog closed.
 * The file it replaces is renamed, never deleted (catalog.sqlite.damaged-DATE when it fails
 * quick_check, .replaced-DATE when it was whole), with its WAL beside it, so nothing is lost.
 */
export function restoreCatalog(dbPath: string, from?: string): RestoreResult {
  const source = from ?? newestGoodBackup(dbPath)?.path;
  if (!source) throw new TonearmError('NOT_FOUND', `No backup of ${dbPath} passes the check: nothing to restore`);
  if (!existsSync(source)) throw new TonearmError('NOT_FOUND', `No backup at ${source}`);
  const problem = checkFile(source);
  if (problem) throw new TonearmError('DB_CORRUPT', `The backup ${source} is damaged too (${problem})`);

  const staged = `${dbPath}.restoring`;
  copyFileSync(source, staged);
  let keptAt: string | null = null;
  if (existsSync(dbPath)) {
    const why = checkFile(dbPath) ? 'damaged' : 'replaced';
    keptAt = `${dbPath}.${why}-${stamp(new Date())}`;
    renameSync(dbPath, keptAt);
    // The WAL holds commits the main file does not have yet: it goes with its file. The shm is
    // only an index of the WAL, rebuilt on open.
    if (existsSync(`${dbPath}-wal`)) renameSync(`${dbPath}-wal`, `${keptAt}-wal`);
    rmSync(`${dbPath}-shm`, { force: true });
  }
  renameSync(staged, dbPath);
  return { restoredFrom: source, keptAt };
}
