// The chunk cache's rows: which files are cached (an entry per source path, with the
// fingerprint it was cached from) and which of their chunks are on disk.
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
  private readonly insertEntryStmt;
  private readonly deleteEntryStmt;
  private readonly chunksStmt;
  private readonly insertChunkStmt;
  private readonly deleteChunkStmt;
  private readonly touchStmt;
  private readonly rootStmt;

  constructor(db: Database.Database) {
    this.db = db;
    this.byPathStmt = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM cache_entries WHERE path = ?`).safeIntegers(true);
    this.insertEntryStmt = db.prepare(
      'INSERT INTO cache_entries (path, size, mtime_ns, chunk_size, last_used_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteEntryStmt = db.prepare('DELETE FROM cache_entries WHERE id = ?');
    this.chunksStmt = db.prepare('SELECT chunk_index FROM cache_chunks WHERE entry_id = ?').pluck();
    // A chunk of an entry dropped meanwhile is simply not recorded.
    this.insertChunkStmt = db.prepare(
      `INSERT OR REPLACE INTO cache_chunks (entry_id, chunk_index, start, bytes)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM cache_entries WHERE id = ?)`,
    );
    this.deleteChunkStmt = db.prepare('DELETE FROM cache_chunks WHERE entry_id = ? AND chunk_index = ?');
    this.touchStmt = db.prepare('UPDATE cache_entries SET last_used_at = ? WHERE id = ?');
    this.rootStmt = db.prepare(
      'SELECT path, COALESCE(kind_override, kind_detected) AS kind, online FROM roots WHERE id = ?',
    );
  }

  entryByPath(path: string): CacheEntryRow | null {
    const raw = this.byPathStmt.get(path) as RawEntry | undefined;
    return raw ? toEntry(raw) : null;
  }

  createEntry(path: string, size: number, mtimeNs: bigint, chunkSize: number, now: number): CacheEntryRow {
    const info = this.insertEntryStmt.run(path, size, mtimeNs, chunkSize, now);
    return { id: Number(info.lastInsertRowid), path, size, mtimeNs, chunkSize, lastUsedAt: now };
  }

  deleteEntry(id: number): void {
    this.deleteEntryStmt.run(id);
  }

  chunkIndexes(entryId: number): number[] {
    return this.chunksStmt.all(entryId) as number[];
  }

  /** One transaction for a batch of written chunks and last-used times. */
  record(chunks: readonly ChunkRecord[], touched: ReadonlyMap<number, number>): void {
    this.db.transaction(() => {
      for (const c of chunks) this.insertChunkStmt.run(c.entryId, c.index, c.start, c.bytes, c.entryId);
      for (const [id, at] of touched) this.touchStmt.run(at, id);
    })();
  }

  deleteChunk(entryId: number, index: number): void {
    this.deleteChunkStmt.run(entryId, index);
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

  /** Entries least recently used first, with the bytes each holds. */
  leastRecentlyUsed(limit: number): { id: number; path: string; bytes: number }[] {
    return this.db
      .prepare(
        `SELECT e.id, e.path, (SELECT COALESCE(sum(c.bytes), 0) FROM cache_chunks c WHERE c.entry_id = e.id) AS bytes
         FROM cache_entries e ORDER BY e.last_used_at, e.id LIMIT ?`,
      )
      .all(limit) as { id: number; path: string; bytes: number }[];
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

  deleteAll(except: readonly number[]): void {
    this.db
      .prepare('DELETE FROM cache_entries WHERE id NOT IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(except));
  }

  /** What the media handler needs to know of a track's root, without counting its tracks. */
  rootState(rootId: number): RootState | null {
    const raw = this.rootStmt.get(rootId) as { path: string; kind: RootKind; online: number } | undefined;
    return raw ? { path: raw.path, kind: raw.kind, online: raw.online === 1 } : null;
  }
}
