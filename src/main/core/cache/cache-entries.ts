// The cached files and their bytes on disk: entries loaded from the catalog as they are used,
// chunks stored under the size limit, and least recently used entries evicted to make room
// (never one being played, about to be, or being fetched).
import type { Catalog } from '../catalog/index.ts';
import type { ShareStat } from './share-io.ts';
import { CacheEntry } from './cache-entry.ts';
import type { ChunkFiles } from './chunk-files.ts';
import type { ChunkRecords } from './chunk-records.ts';
import { errorCode } from '../../common/share-errors.ts';

const IDLE_CLOSE_MS = 30_000;
const DISK_FULL_RETRY_MS = 30_000;

export interface CacheEntriesOptions {
  catalog: Catalog;
  files: ChunkFiles;
  records: ChunkRecords;
  chunkBytes: () => number;
  maxBytes: () => number;
  /** Whether a fetch for the entry is under way: such an entry is not evicted. */
  fetching: (entryId: number) => boolean;
  /** An entry was dropped: its fetches are to fail. */
  onDrop: (entry: CacheEntry) => void;
}

export class CacheEntries {
  private readonly options: CacheEntriesOptions;
  private readonly catalog: Catalog;
  private readonly files: ChunkFiles;
  private readonly records: ChunkRecords;
  private readonly loaded = new Map<string, CacheEntry>();
  /** Resolves once chunk folders the catalog does not know are gone. */
  readonly ready: Promise<void>;
  totalBytes: number;
  entryCount: number;
  private reservedBytes = 0;
  private diskFullUntil = 0;
  /** The last chunk did not fit even with every evictable entry gone. */
  tooSmall = false;
  /** What plays now and what comes next, as the player last said: both are kept. */
  playingPath: string | null = null;
  nextPath: string | null = null;
  private closed = false;
  private readonly idleTimer: NodeJS.Timeout;

  constructor(options: CacheEntriesOptions) {
    this.options = options;
    this.catalog = options.catalog;
    this.files = options.files;
    this.records = options.records;
    const totals = this.catalog.cache.totals();
    this.totalBytes = totals.bytes;
    this.entryCount = totals.entries;
    this.ready = this.files.sweep(this.catalog.cache.entryIds(), this.catalog.cache.maxEntryId());
    this.idleTimer = setInterval(() => this.closeIdle(), IDLE_CLOSE_MS / 2);
    this.idleTimer.unref();
  }

  get diskFull(): boolean {
    return Date.now() < this.diskFullUntil;
  }

  get(path: string): CacheEntry | undefined {
    return this.loaded.get(path);
  }

  has(path: string): boolean {
    return this.loaded.has(path);
  }

  byId(id: number): CacheEntry | undefined {
    for (const entry of this.loaded.values()) if (entry.id === id) return entry;
    return undefined;
  }

  values(): IterableIterator<CacheEntry> {
    return this.loaded.values();
  }

  /** The entry for the file as the share has it now: a new one if the file changed. */
  entryFor(path: string, rootId: number, stat: ShareStat): CacheEntry {
    const known = this.load(path, rootId);
    if (known && known.matches(stat.size, stat.mtimeNs)) {
      known.validatedAt = Date.now();
      return known;
    }
    // The file on the share changed (or was never cached): its old bytes are worthless.
    if (known) this.drop(known);
    const row = this.catalog.cache.createEntry(path, stat.size, stat.mtimeNs, this.options.chunkBytes(), Date.now());
    this.entryCount++;
    const entry = new CacheEntry(row, rootId, []);
    entry.validatedAt = Date.now();
    this.loaded.set(path, entry);
    return entry;
  }

  /** The entry the cache has for the path, loaded from the catalog if need be, or null. */
  load(path: string, rootId: number): CacheEntry | null {
    const loaded = this.loaded.get(path);
    if (loaded) return loaded;
    const row = this.catalog.cache.entryByPath(path);
    if (!row) return null;
    const entry = new CacheEntry(row, rootId, this.catalog.cache.chunkIndexes(row.id));
    this.loaded.set(path, entry);
    return entry;
  }

  dropPath(path: string): void {
    const loaded = this.loaded.get(path);
    if (loaded) return this.drop(loaded);
    const row = this.catalog.cache.entryByPath(path);
    if (row) this.drop(new CacheEntry(row, 0, this.catalog.cache.chunkIndexes(row.id)));
  }

  drop(entry: CacheEntry, bytes = entry.bytes): void {
    if (entry.dropped) return;
    entry.dropped = true;
    this.loaded.delete(entry.path);
    this.options.onDrop(entry);
    this.records.forget(entry.id);
    this.catalog.cache.deleteEntry(entry.id);
    this.totalBytes -= bytes;
    this.entryCount--;
    entry.closeFile();
    void this.files.removeEntry(entry.id);
  }

  isProtected(entry: CacheEntry): boolean {
    return (
      entry.readers > 0 ||
      entry.path === this.playingPath ||
      entry.path === this.nextPath ||
      this.options.fetching(entry.id)
    );
  }

  /** Evicts least recently used entries (never one in use) until `bytes` more fit. */
  makeRoom(bytes: number): boolean {
    const max = this.options.maxBytes();
    if (this.totalBytes + this.reservedBytes + bytes <= max) return true;
    this.records.flush();
    const protectedIds = new Set([...this.loaded.values()].filter((e) => this.isProtected(e)).map((e) => e.id));
    while (this.totalBytes + this.reservedBytes + bytes > max) {
      const victim = this.catalog.cache.leastRecentlyUsed(64).find((c) => !protectedIds.has(c.id));
      if (!victim) return false;
      const loaded = this.loaded.get(victim.path);
      if (loaded && loaded.id === victim.id) this.drop(loaded, victim.bytes);
      else {
        this.catalog.cache.deleteEntry(victim.id);
        this.totalBytes -= victim.bytes;
        this.entryCount--;
        void this.files.removeEntry(victim.id);
      }
    }
    return true;
  }

  /** Makes room for a chunk about to be fetched; false (and the cache counted too small) if none. */
  fits(entry: CacheEntry, index: number): boolean {
    if (this.makeRoom(entry.chunkLength(index))) return true;
    this.tooSmall = true;
    return false;
  }

  /** Writes a fetched chunk to disk and records it; a chunk that cannot be kept is let go. */
  async store(entry: CacheEntry, index: number, parts: Uint8Array[]): Promise<void> {
    if (entry.dropped || this.closed) return;
    if (this.diskFull) return;
    const length = entry.chunkLength(index);
    if (!this.makeRoom(length)) {
      this.tooSmall = true;
      return;
    }
    this.reservedBytes += length;
    try {
      await this.ready;
      await this.files.write(entry.id, index, parts);
    } catch (err) {
      if (errorCode(err) === 'ENOSPC' || errorCode(err) === 'EDQUOT') {
        this.diskFullUntil = Date.now() + DISK_FULL_RETRY_MS;
        console.error('tonearm: the cache disk is full; playing from the share:', (err as Error).message);
      } else console.error('tonearm: a chunk could not be cached:', err);
      return;
    } finally {
      this.reservedBytes -= length;
    }
    if (entry.dropped) {
      void this.files.removeEntry(entry.id);
      return;
    }
    entry.mark(index);
    this.totalBytes += length;
    this.tooSmall = false;
    this.records.chunkWritten({ entryId: entry.id, index, start: entry.chunkStart(index), bytes: length }, Date.now());
  }

  /** A chunk recorded but gone or damaged on disk: forgotten, so that it is fetched again. */
  forgetChunk(entry: CacheEntry, index: number): void {
    if (!entry.has(index)) return;
    this.records.flush();
    entry.unmark(index);
    this.totalBytes -= entry.chunkLength(index);
    this.catalog.cache.deleteChunk(entry.id, index);
  }

  closeFiles(rootId: number): void {
    for (const entry of this.loaded.values()) if (entry.rootId === rootId) entry.closeFile();
  }

  /** Lets go of entries nobody read for a while: their files on the share are closed. */
  private closeIdle(): void {
    const now = Date.now();
    for (const entry of this.loaded.values()) {
      if (this.isProtected(entry) || now - entry.lastReadAt < IDLE_CLOSE_MS) continue;
      entry.closeFile();
      this.loaded.delete(entry.path);
    }
  }

  /** Forgets every cached file except those in use. */
  async clear(): Promise<void> {
    this.records.flush();
    const maxId = this.catalog.cache.maxEntryId();
    const keepIds = new Set([...this.loaded.values()].filter((e) => this.isProtected(e)).map((e) => e.id));
    for (const entry of this.loaded.values()) if (!keepIds.has(entry.id)) this.drop(entry);
    this.catalog.cache.deleteAll([...keepIds]);
    const totals = this.catalog.cache.totals();
    this.totalBytes = totals.bytes;
    this.entryCount = totals.entries;
    this.tooSmall = false;
    this.diskFullUntil = 0;
    // Entries made while the folders are swept are left alone.
    await this.files.sweep(keepIds, maxId);
  }

  /** Nothing more is stored or let go; the files on the share stay open until closeShareFiles. */
  close(): void {
    this.closed = true;
    clearInterval(this.idleTimer);
  }

  closeShareFiles(): void {
    for (const entry of this.loaded.values()) entry.closeFile();
  }
}
