import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describeError, errorMessage, errorSentence } from '../../../shared/error-text.ts';
import { TonearmError } from '../../../shared/result.ts';
import { damaged, isCorruption, quickCheck } from './integrity.ts';
import { migrate, refuseNewer, type MigrationReport } from './migrate.ts';

export interface OpenedDatabase {
  db: Database.Database;
  migration: MigrationReport;
}

export interface OpenOptions {
  /**
   * Run quick_check before anything writes: the one read-write open of a process that will
   * write (the app, the host, scan). The writer thread opens after it and need not repeat it.
   */
  check?: boolean;
}

/** Why the catalog cannot be opened, in words (a read-only disk, a missing folder…) when we have them. */
function cannotOpen(dbPath: string, err: unknown, verb = 'open'): TonearmError {
  const options = { path: dbPath, retry: 'start Tonearm again' };
  const message = describeError(err, options)
    ? errorSentence(err, options)
    : `Cannot ${verb} the catalog at ${dbPath}: ${errorMessage(err)}`;
  return new TonearmError('DB_ERROR', message);
}

export function openDatabase(dbPath: string, options: OpenOptions = {}): OpenedDatabase {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(dbPath);
  } catch (err) {
    throw cannotOpen(dbPath, err);
  }
  try {
    // Both refusals come before journal_mode = WAL, which rewrites the header of a catalog in
    // rollback-journal mode: a file we refuse is left exactly as it was.
    refuseNewer(db, dbPath);
    if (options.check) {
      const problem = quickCheck(db);
      if (problem) throw damaged(dbPath, problem);
    }
    db.pragma('journal_mode = WAL');
  } catch (err) {
    db.close();
    if (err instanceof TonearmError) throw err;
    if (isCorruption(err)) throw damaged(dbPath, errorMessage(err));
    throw cannotOpen(dbPath, err);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The writer's connection fills its page cache during an import: 16 MB rather than 32 MB
  // took ≈40 MB off the main process's peak in a 41k import, for no speed we could measure.
  db.pragma('cache_size = -16000');
  db.pragma('temp_store = MEMORY');
  const migration = migrate(db, dbPath === ':memory:' ? null : dbPath);
  return { db, migration };
}

/**
 * A connection that only reads (the views thread, the inventory thread): WAL lets it read
 * while the writer writes. The file must exist; the writer made and migrated it.
 */
export function openReadOnly(dbPath: string, cacheKiB = 16_000): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw cannotOpen(dbPath, err, 'read');
  }
  db.pragma(`cache_size = -${cacheKiB}`);
  db.pragma('busy_timeout = 5000');
  return db;
}
