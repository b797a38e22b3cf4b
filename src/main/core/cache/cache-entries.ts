// The cached files and their bytes on disk: entries loaded from the catalog as they are used,
// chunks stored under the size limit, and least recently used entries evicted to make room
// (never one being played, about to be, or being fetched). Rows are read from the catalog
// and written by the writer thread: what the catalog shows may lag what was asked of the
// writer by a moment, and the reads here allow for it.
import type { Catalog } from '../catalog/index.ts';
import type { CacheWrites } from '../catalog/cache-writes.ts';
import type { ShareStat } from './share-io.ts';
import { CacheEntry } from './cache-entry.ts';
import type { ChunkFiles } from './chunk-files.ts';
import type { ChunkRecords } from './chunk-records.ts';
import { errorCode, errorMessage } from '../../../shared/error-text.ts';
import { log } from '../log.ts';

const IDLE_CLOSE_MS = 30_000;
const DISK_FULL_RETRY_MS = 30_000;

export interface CacheEntriesOptions {
  catalog: Catalog;
  writes: CacheWrites;
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
  private readonly writes: CacheWrites;
  private readonly files: ChunkFiles;
  private readonly records: ChunkRecords;
  private readonly loaded = new Map<string, CacheEntry>();
  /** Entries being created, by path: a play's first request and its hint come together. */
  private readonly creating = new Map<string, Promise<CacheEntry>>();
  /** Entries whose rows the writer has yet to delete: the catalog still shows them. */
  private readonly deleting = new Set<number>();
  /** Writes under way, each handled; close waits for them. */
  private readonly writing = new Set<Promise<void>>();
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
    this.writes = options.writes;
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
  async entryFor(path: string, rootId: number, stat: ShareStat): Promise<CacheEntry> {
    for (let made = this.creating.get(path); made; made = this.creating.get(path)) await made.catch(() => {});
    const known = this.load(path, rootId);
    if (known && known.matches(stat.size, stat.mtimeNs)) {
      known.validatedAt = Date.now();
      return known;
    }
    // The file on the share changed (or was never cached): its old bytes are worthless.
    if (known) this.drop(known);
    const made = this.create(path, rootId, stat);
    this.creating.set(path, made);
    this.track(
      made.then(
        () => {},
        () => {},
      ),
    );
    try {
      return await made;
    } finally {
      this.creating.delete(path);
    }
  }

  private async create(path: string, rootId: number, stat: ShareStat): Promise<CacheEntry> {
    const chunkBytes = this.options.chunkBytes();
    // Its id names its folder: nothing is stored before the writer has given it.
    const row = await this.writes.createCacheEntry(path, stat.size, stat.mtimeNs, chunkBytes, Date.now());
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
    if (!row || this.deleting.has(row.id)) return null;
    const entry = new CacheEntry(row, rootId, this.catalog.cache.chunkIndexes(row.id));
    this.loaded.set(path, entry);
    return entry;
  }

  dropPath(path: string): void {
    const loaded = this.loaded.get(path);
    if (loaded) return this.drop(loaded);
    const row = this.catalog.cache.entryByPath(path);
    if (row && !this.deleting.has(row.id)) this.drop(new CacheEntry(row, 0, this.catalog.cache.chunkIndexes(row.id)));
  }

  drop(entry: CacheEntry): void {
    if (entry.dropped) return;
    entry.dropped = true;
    if (this.loaded.get(entry.path)?.id === entry.id) this.loaded.delete(entry.path);
    this.options.onDrop(entry);
    entry.closeFile();
    this.forget(entry.id, entry.bytes);
  }

  /**
   * Counts the entry gone now and has the writer delete its row, then its files go. Should
   * the delete fail, row and files stay as they were and are counted again.
   */
  private forget(id: number, bytes: number): void {
    this.records.forget(id);
    this.totalBytes -= bytes;
    this.entryCount--;
    this.deleting.add(id);
    this.track(
      this.writes.deleteCacheEntry(id).then(
        () => {
          this.deleting.delete(id);
          return this.files.removeEntry(id);
        },
        (err: unknown) => {
          this.deleting.delete(id);
          this.totalBytes += bytes;
          this.entryCount++;
          log.error('tonearm: a cached file could not be forgotten:', err);
        },
      ),
    );
  }

  private track(write: Promise<void>): void {
    this.writing.add(write);
    void write.finally(() => this.writing.delete(write));
  }

  /** Resolves once every write asked so far is answered. */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.all(this.writing);
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
    const protectedIds = [...this.loaded.values()].filter((e) => this.isProtected(e)).map((e) => e.id);
    while (this.totalBytes + this.reservedBytes + bytes > max) {
      const candidates = this.catalog.cache.leastRecentlyUsed(64, [...protectedIds, ...this.deleting]);
      // The catalog has not yet been told of the latest uses: those entries go last.
      const victim = candidates.find((c) => !this.records.usedLately(c.id)) ?? candidates[0];
      if (!victim) return false;
      const loaded = this.loaded.get(victim.path);
      if (loaded && loaded.id === victim.id) this.drop(loaded);
      else this.forget(victim.id, victim.bytes);
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
        log.error('tonearm: the cache disk is full; playing from the share:', errorMessage(err));
      } else log.error('tonearm: a chunk could not be cached:', err);
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
    // Its record, if still pending, goes to the writer first: sent after, it would bring the chunk back.
    void this.records.flush();
    entry.unmark(index);
    this.totalBytes -= entry.chunkLength(index);
    this.track(
      this.writes
        .deleteCacheChunk(entry.id, index)
        .then(() => {})
        .catch((err: unknown) => log.error('tonearm: a damaged cached chunk could not be forgotten:', err)),
    );
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
    // An entry being created is not known here yet, and would be cleared from under its play.
    while (this.creating.size > 0) await Promise.allSettled(this.creating.values());
    const maxId = this.catalog.cache.maxEntryId();
    const keepIds = new Set([...this.loaded.values()].filter((e) => this.isProtected(e)).map((e) => e.id));
    for (const entry of this.loaded.values()) if (!keepIds.has(entry.id)) this.drop(entry);
    // What is kept is recorded by the time the clear is answered, as the catalog will be asked next.
    void this.records.flush();
    // Entries not loaded are counted out as the writer finds them: the catalog here may lag.
    const removed = await this.writes.clearCacheEntries([...keepIds]);
    this.totalBytes -= removed.bytes;
    this.entryCount -= removed.entries;
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
