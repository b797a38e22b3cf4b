// Whether a catalog file is whole, and the one sentence that says what to do when it is not.
import Database from 'better-sqlite3';
import { TonearmError } from '../../../shared/result.ts';
import { errorMessage } from '../../../shared/error-text.ts';

export const RESTORE_HINT = 'Restore a backup: tonearm restore, or Settings → Library';

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPT_CODES.has(code);
}

export function damaged(dbPath: string, problem: string): TonearmError {
  return new TonearmError('DB_CORRUPT', `The catalog ${dbPath} is damaged (${problem}). ${RESTORE_HINT}`);
}

/**
 * quick_check reads every page of every table and index (not the cross-checks of
 * integrity_check): a damaged page anywhere is found before a write lands beside it, not
 * when a view happens to read it. Null when whole, else the first problems it names.
 */
export function quickCheck(db: Database.Database): string | null {
  try {
    const rows = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
    // One line: the rows come with SQLite's "*** in database main ***" heading and line breaks.
    const problems = rows
      .map((row) => row.quick_check.replace('*** in database main ***', '').replace(/\s+/g, ' ').trim())
      .filter((text) => text !== 'ok');
    return problems.length === 0 ? null : problems.join('; ');
  } catch (err) {
    if (isCorruption(err)) return errorMessage(err);
    throw err;
  }
}

/** Checks a file that no one has open (a backup, a catalog before restoring over it). */
export function checkFile(path: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return quickCheck(db);
  } catch (err) {
    return errorMessage(err);
  } finally {
    db?.close();
  }
}
