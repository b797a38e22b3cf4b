import { copyFileSync, existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { TonearmError } from '../../../shared/result.ts';
import { currentVersion, migrations } from './migrations/index.ts';

export interface MigrationReport {
  from: number;
  to: number;
  backupPath: string | null;
}

/**
 * Brings the schema to the current version, one migration per transaction. Before touching
 * a database made by an older Tonearm, a copy is kept beside it, so a failed migration loses
 * nothing. A database from a newer Tonearm is refused rather than guessed at.
 */
export function migrate(db: Database.Database, dbPath: string | null): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > currentVersion) {
    throw new TonearmError(
      'DB_ERROR',
      `The catalog ${dbPath ?? ''} has schema version ${from}, newer than this Tonearm understands (${currentVersion}). Update Tonearm; the file was not changed.`,
    );
  }
  if (from === currentVersion) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && dbPath && existsSync(dbPath)) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    backupPath = `${dbPath}.v${from}.bak`;
    copyFileSync(dbPath, backupPath);
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
