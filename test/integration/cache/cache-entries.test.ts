// The cache's entries over a real catalog and chunk folder: chunks stored and recorded, least
// recently used entries evicted to fit, never one in use, and a chunk damaged on disk forgotten;
// rows written by the writer thread, which answers a moment later than the cache asks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheEntries } from '../../../src/main/core/cache/cache-entries.ts';
import type { CacheEntry } from '../../../src/main/core/cache/cache-entry.ts';
import { ChunkFiles } from '../../../src/main/core/cache/chunk-files.ts';
import { ChunkRecords } from '../../../src/main/core/cache/chunk-records.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import type { CacheWrites } from '../../../src/main/core/catalog/cache-writes.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';
import { catalogWriter } from '../../support/local-cache.ts';
import { tempDir } from '../../support/temp.ts';

const CHUNK = 1000;

describe('cache entries', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: CatalogWriter;
  let files: ChunkFiles;
  let records: ChunkRecords;
  let entries: CacheEntries;
  let maxBytes: number;
  let fetching: Set<number>;
  let dropped: number[];

  const make = (writes: CacheWrites = writer.write) =>
    new CacheEntries({
      catalog,
      writes,
      files,
      records,
      chunkBytes: () => CHUNK,
      maxBytes: () => maxBytes,
      fetching: (id) => fetching.has(id),
      onDrop: (entry) => dropped.push(entry.id),
    });
  const cached = async (name: string, chunks: number): Promise<CacheEntry> => {
    const entry = await entries.entryFor(`/share/${name}`, 1, { size: chunks * CHUNK, mtimeNs: 1n });
    for (let i = 0; i < chunks; i++) await entries.store(entry, i, [new Uint8Array(CHUNK).fill(i)]);
    return entry;
  };

  beforeEach(() => {
    dir = tempDir();
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    files = new ChunkFiles(join(dir.path, 'cache'));
    writer = catalogWriter(catalog);
    records = new ChunkRecords(writer.write);
    maxBytes = 1e9;
    fetching = new Set();
    dropped = [];
    entries = make();
  });
  afterEach(async () => {
    entries.close();
    await records.close();
    await entries.settled();
    await writer.close();
    catalog.close();
    dir.cleanup();
  });

  it('stores chunks on disk and records them in the catalog', async () => {
    const entry = await cached('a.flac', 3);
    expect(entry.complete).toBe(true);
    expect(existsSync(files.chunkPath(entry.id, 2))).toBe(true);
    await records.flush();
    expect(catalog.cache.chunkIndexes(entry.id)).toEqual([0, 1, 2]);
    expect(catalog.cache.totals()).toEqual({ bytes: 3 * CHUNK, entries: 1 });
    // A second cache over the same catalog finds it as it was left.
    const again = make();
    expect(again.totalBytes).toBe(3 * CHUNK);
    expect(again.load('/share/a.flac', 1)?.complete).toBe(true);
    again.close();
  });

  it('makes a new entry when the file on the share changed, and drops the old one', async () => {
    const old = await cached('a.flac', 2);
    const fresh = await entries.entryFor('/share/a.flac', 1, { size: 2 * CHUNK, mtimeNs: 2n });
    expect(fresh.id).not.toBe(old.id);
    expect(old.dropped).toBe(true);
    expect(dropped).toEqual([old.id]);
    expect(entries.totalBytes).toBe(0);
  });

  it('evicts the least recently used entries to fit, never one played, next, read or being fetched', async () => {
    const names = ['old', 'playing', 'next', 'read', 'fetching', 'recent'];
    const made = new Map<string, CacheEntry>();
    for (const name of names) made.set(name, await cached(name, 2));
    await records.flush();
    entries.playingPath = '/share/playing';
    entries.nextPath = '/share/next';
    made.get('read')!.readers = 1;
    fetching.add(made.get('fetching')!.id);
    maxBytes = 12 * CHUNK;
    expect(entries.makeRoom(2 * CHUNK)).toBe(true);
    expect(made.get('old')!.dropped).toBe(true);
    for (const name of ['playing', 'next', 'read', 'fetching', 'recent'])
      expect(made.get(name)!.dropped, name).toBe(false);
    expect(entries.totalBytes).toBe(10 * CHUNK);
    maxBytes = 8 * CHUNK;
    expect(entries.makeRoom(0)).toBe(true);
    expect(made.get('recent')!.dropped).toBe(true);
    // Only what is in use is left: nothing more can go.
    expect(entries.fits(made.get('playing')!, 0)).toBe(false);
    expect(entries.tooSmall).toBe(true);
  });

  it('does not store a chunk that cannot fit, and says so', async () => {
    maxBytes = CHUNK;
    entries.playingPath = '/share/a.flac';
    const entry = await cached('a.flac', 2);
    expect(entry.has(0)).toBe(true);
    expect(entry.has(1)).toBe(false);
    expect(entries.tooSmall).toBe(true);
  });

  it('forgets a chunk that is gone from disk, so that it is fetched again', async () => {
    const entry = await cached('a.flac', 2);
    entries.forgetChunk(entry, 1);
    expect(entry.has(1)).toBe(false);
    expect(entries.totalBytes).toBe(CHUNK);
    await entries.settled();
    expect(catalog.cache.chunkIndexes(entry.id)).toEqual([0]);
  });

  it('clears all but what is in use', async () => {
    const kept = await cached('playing', 1);
    const gone = await cached('other', 1);
    entries.playingPath = '/share/playing';
    await entries.clear();
    expect(gone.dropped).toBe(true);
    expect(kept.dropped).toBe(false);
    expect(catalog.cache.totals()).toEqual({ bytes: CHUNK, entries: 1 });
    expect([entries.totalBytes, entries.entryCount]).toEqual([CHUNK, 1]);
    expect(existsSync(files.entryDir(gone.id))).toBe(false);
  });

  it('evicts each entry once while the writer deletes them, and loads none being deleted', async () => {
    const [a, b, c] = [await cached('a', 1), await cached('b', 1), await cached('c', 1)];
    await records.flush();
    maxBytes = 3 * CHUNK;
    expect(entries.makeRoom(2 * CHUNK)).toBe(true);
    expect([a!.dropped, b!.dropped, c!.dropped]).toEqual([true, true, false]);
    expect(entries.load('/share/a', 1)).toBeNull();
    expect([entries.totalBytes, entries.entryCount]).toEqual([CHUNK, 1]);
    await entries.settled();
    expect(catalog.cache.totals()).toEqual({ bytes: CHUNK, entries: 1 });
    expect(existsSync(files.entryDir(b!.id))).toBe(false);
  });

  it('evicts last an entry used since the writer last heard', async () => {
    const a = await cached('a', 1);
    const b = await cached('b', 1);
    await records.flush();
    records.used(a.id, Date.now());
    maxBytes = 2 * CHUNK;
    expect(entries.makeRoom(CHUNK)).toBe(true);
    expect([a.dropped, b.dropped]).toEqual([false, true]);
  });

  it('counts an entry back, files and all, when the writer fails to delete it', async () => {
    const entry = await cached('a.flac', 2);
    await records.flush();
    const failing = new Proxy(writer.write, {
      get: (target, key) =>
        key === 'deleteCacheEntry'
          ? () => Promise.reject(new Error('database or disk is full'))
          : (Reflect.get(target, key) as unknown),
    });
    entries.close();
    entries = make(failing);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    entries.drop(entries.load('/share/a.flac', 1)!);
    expect(entries.totalBytes).toBe(0);
    await entries.settled();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    expect([entries.totalBytes, entries.entryCount]).toEqual([2 * CHUNK, 1]);
    expect(existsSync(files.chunkPath(entry.id, 1))).toBe(true);
    expect(entries.load('/share/a.flac', 1)?.complete).toBe(true);
  });
});
