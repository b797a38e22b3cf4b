// The chunk cache's writes, run by the writer thread like every other write: a cache write
// on the main connection would wait up to busy_timeout behind an import's transaction, on
// the event loop that is serving the track being played. Cache rows are not library data:
// nothing here is announced in the change log.
import type Database from 'better-sqlite3';
import type { CacheEntryRow, ChunkRecord } from './cache.ts';

export function cacheWrites(db: Database.Database) {
  const insertEntry = db.prepare(
    'INSERT INTO cache_entries (path, size, mtime_ns, chunk_size, last_used_at) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteEntry = db.prepare('DELETE FROM cache_entries WHERE id = ?');
  // A chunk of an entry dropped meanwhile is simply not recorded.
  const insertChunk = db.prepare(
    `INSERT OR REPLACE INTO cache_chunks (entry_id, chunk_index, start, bytes)
     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM cache_entries WHERE id = ?)`,
  );
  const touch = db.prepare('UPDATE cache_entries SET last_used_at = ? WHERE id = ?');
  const deleteChunk = db.prepare('DELETE FROM cache_chunks WHERE entry_id = ? AND chunk_index = ?');
  const othersThan = 'SELECT id FROM cache_entries WHERE id NOT IN (SELECT value FROM json_each(?))';
  const othersHold = db.prepare(
    `SELECT (SELECT count(*) FROM (${othersThan})) AS entries,
            (SELECT COALESCE(sum(bytes), 0) FROM cache_chunks WHERE entry_id IN (${othersThan})) AS bytes`,
  );
  const deleteOthers = db.prepare(`DELETE FROM cache_entries WHERE id IN (${othersThan})`);
  return {
    createCacheEntry(path: string, size: number, mtimeNs: bigint, chunkSize: number, now: number): CacheEntryRow {
      const info = insertEntry.run(path, size, mtimeNs, chunkSize, now);
      return { id: Number(info.lastInsertRowid), path, size, mtimeNs, chunkSize, lastUsedAt: now };
    },
    deleteCacheEntry(id: number): null {
      deleteEntry.run(id);
      return null;
    },
    /** One transaction for a batch of written chunks and last-used times. */
    recordCacheChunks(chunks: readonly ChunkRecord[], touched: ReadonlyMap<number, number>): null {
      db.transaction(() => {
        for (const c of chunks) insertChunk.run(c.entryId, c.index, c.start, c.bytes, c.entryId);
        for (const [id, at] of touched) touch.run(at, id);
      })();
      return null;
    },
    deleteCacheChunk(entryId: number, index: number): null {
      deleteChunk.run(entryId, index);
      return null;
    },
    /**
     * Deletes every entry but those kept, and says what they held: the cache counts what it
     * holds in memory, and only the writer knows what is still there when the delete runs.
     */
    clearCacheEntries(except: readonly number[]): { entries: number; bytes: number } {
      const keep = JSON.stringify(except);
      return db.transaction(() => {
        const held = othersHold.get(keep, keep) as { entries: number; bytes: number };
        deleteOthers.run(keep);
        return held;
      })();
    },
  };
}

type Operations = ReturnType<typeof cacheWrites>;
/** What the cache needs of the writer: these operations, answered in the order they were asked. */
export type CacheWrites = {
  [K in keyof Operations]: (...args: Parameters<Operations[K]>) => Promise<ReturnType<Operations[K]>>;
};
