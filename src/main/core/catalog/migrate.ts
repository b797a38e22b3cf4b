import { copyFileSync, existsSync, renameSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { TonearmError } from '../../../shared/result.ts';
import { backupPathFor, ensureBackupsDir } from './backup-files.ts';
import { currentVersion, migrations } from './migrations/index.ts';

export interface MigrationReport {
  from: number;
  to: number;
  backupPath: string | null;
}

/** A database from a newer Tonearm is refused rather than guessed at. Reads only. */
export function refuseNewer(db: Database.Database, dbPath: string | null): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > currentVersion) {
    throw new TonearmError(
      'DB_ERROR',
      `The catalog ${dbPath ?? ''} has schema version ${version}, newer than this Tonearm understands (${currentVersion}). Update Tonearm; the file was not changed.`,
    );
  }
}

/**
 * Brings the schema to the current version, one migration per transaction. Before touching
 * a database made by an older Tonearm, a copy goes into the backups folder, so a failed
 * migration loses nothing.
 */
export function migrate(db: Database.Database, dbPath: string | null): MigrationReport {
  refuseNewer(db, dbPath);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from === currentVersion) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && dbPath && existsSync(dbPath)) {
    // A plain copy is whole once the WAL is folded in and no one else has the file open (the
    // writer thread and the views open it after this returns). The online backup is async,
    // and a migration runs inside a synchronous open.
    db.pragma('wal_checkpoint(TRUNCATE)');
    ensureBackupsDir(dbPath);
    backupPath = backupPathFor(dbPath, new Date(), `v${from}`);
    copyFileSync(dbPath, `${backupPath}.partial`);
    renameSync(`${backupPath}.partial`, backupPath);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: currentVersion, backupPath };
}
