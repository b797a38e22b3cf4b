// The chunk cache's rows: which files are cached (an entry per source path, with the
// fingerprint it was cached from) and which of their chunks are on disk. Read here, on the
// main connection; written only by the writer thread (cache-writes.ts).
import type Database from 'better-sqlite3';
import type { RootKind } from '../../../shared/domain.ts';

export interface CacheEntryRow {
  id: number;
  path: string;
  size: number;
  mtimeNs: bigint;
  chunkSize: number;
  lastUsedAt: number;
}

export interface ChunkRecord {
  entryId: number;
  index: number;
  start: number;
  bytes: number;
}

export interface RootState {
  path: string;
  kind: RootKind;
  online: boolean;
}

interface RawEntry {
  id: bigint;
  path: string;
  size: bigint;
  mtimeNs: bigint;
  chunkSize: bigint;
  lastUsedAt: bigint;
}

const toEntry = (raw: RawEntry): CacheEntryRow => ({
  id: Number(raw.id),
  path: raw.path,
  size: Number(raw.size),
  mtimeNs: raw.mtimeNs,
  chunkSize: Number(raw.chunkSize),
  lastUsedAt: Number(raw.lastUsedAt),
});

const ENTRY_COLUMNS = 'id, path, size, mtime_ns AS mtimeNs, chunk_size AS chunkSize, last_used_at AS lastUsedAt';

export class CacheRepo {
  private readonly db: Database.Database;
  private readonly byPathStmt;
  private readonly chunksStmt;
  private readonly rootStmt;

  constructor(db: Database.Database) {
    this.db = db;
    this.byPathStmt = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM cache_entries WHERE path = ?`).safeIntegers(true);
    this.chunksStmt = db.prepare('SELECT chunk_index FROM cache_chunks WHERE entry_id = ?').pluck();
    this.rootStmt = db.prepare(
      'SELECT path, COALESCE(kind_override, kind_detected) AS kind, online FROM roots WHERE id = ?',
    );
  }

  entryByPath(path: string): CacheEntryRow | null {
    const raw = this.byPathStmt.get(path) as RawEntry | undefined;
    return raw ? toEntry(raw) : null;
  }

  chunkIndexes(entryId: number): number[] {
    return this.chunksStmt.all(entryId) as number[];
  }

  totals(): { bytes: number; entries: number } {
    const row = this.db
      .prepare(
        `SELECT (SELECT COALESCE(sum(bytes), 0) FROM cache_chunks) AS bytes,
                (SELECT count(*) FROM cache_entries) AS entries`,
      )
      .get() as { bytes: number; entries: number };
    return row;
  }

  /** Entries least recently used first, with the bytes each holds, but for those excepted. */
  leastRecentlyUsed(limit: number, except: readonly number[] = []): { id: number; path: string; bytes: number }[] {
    return this.db
      .prepare(
        `SELECT e.id, e.path, (SELECT COALESCE(sum(c.bytes), 0) FROM cache_chunks c WHERE c.entry_id = e.id) AS bytes
         FROM cache_entries e WHERE e.id NOT IN (SELECT value FROM json_each(?))
         ORDER BY e.last_used_at, e.id LIMIT ?`,
      )
      .all(JSON.stringify(except), limit) as { id: number; path: string; bytes: number }[];
  }

  /** The highest entry id ever given (ids are never reused). */
  maxEntryId(): number {
    return (
      (this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'cache_entries'").pluck().get() as
        number | undefined) ?? 0
    );
  }

  entryIds(): Set<number> {
    return new Set(this.db.prepare('SELECT id FROM cache_entries').pluck().all() as number[]);
  }

  /** What the media handler needs to know of a track's root, without counting its tracks. */
  rootState(rootId: number): RootState | null {
    const raw = this.rootStmt.get(rootId) as { path: string; kind: RootKind; online: number } | undefined;
    return raw ? { path: raw.path, kind: raw.kind, online: raw.online === 1 } : null;
  }
}
