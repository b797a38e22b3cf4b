// What the inventory compares a walk against: each known file's identity on disk.
import type Database from 'better-sqlite3';

export interface Fingerprint {
  id: number;
  size: number;
  mtimeNs: bigint;
  missing: boolean;
  /** The file failed to parse last time: a rescan tries it again even if it did not change. */
  failed: boolean;
}

type FingerprintRow = [bigint, string, bigint, bigint, bigint, bigint];

/** The library version: a reader that kept what it read at this version need not read again. */
export function libraryVersion(db: Database.Database): number {
  return db.prepare('SELECT COALESCE(max(version), 0) FROM change_log').pluck().get() as number;
}

export function fingerprintsOf(db: Database.Database, rootId: number): Map<string, Fingerprint> {
  const rows = db
    .prepare(
      `SELECT t.id, t.path, t.size, t.mtime_ns, t.missing_since IS NOT NULL,
              EXISTS (SELECT 1 FROM scan_errors e WHERE e.path = t.path)
       FROM tracks t WHERE t.root_id = ?`,
    )
    .safeIntegers(true)
    .raw(true)
    .all(rootId) as FingerprintRow[];
  const known = new Map<string, Fingerprint>();
  for (const [id, path, size, mtimeNs, missing, failed] of rows) {
    known.set(path, { id: Number(id), size: Number(size), mtimeNs, missing: missing === 1n, failed: failed === 1n });
  }
  return known;
}
