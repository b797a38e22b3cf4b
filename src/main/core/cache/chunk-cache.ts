// The chunk cache for tracks on network shares (DESIGN.md): the media handler reads through
// it; what it lacks is fetched from the share in chunks — first what a reader waits for, then
// a lookahead window ahead of the playhead, the start of the next queued track, and (if
// enabled) the rest of the playing file — with a bounded number of reads in flight.
import type { CacheStats } from '../../../shared/domain.ts';
import type { Catalog } from '../catalog/index.ts';
import type { ChunkRecord, RootState } from '../catalog/cache.ts';
import type { EventBus } from '../events/bus.ts';
import type { ByteSource } from '../media/byte-source.ts';
import { CacheEntry } from './cache-entry.ts';
import { CacheFigures } from './cache-figures.ts';
import { BACKGROUND, ChunkFetch, DEMAND, LOOKAHEAD, PREFETCH } from './chunk-fetch.ts';
import { ChunkFiles, type ChunkReader } from './chunk-files.ts';
import { mountOf, readMountTable, type Mount } from '../roots/mount-table.ts';
import { ShareFile } from './share-file.ts';
import { ThreadShareIo, type ShareIo, type ShareStat } from './share-io.ts';
import { errorCode, SHARE_GONE_CODES } from '../../common/share-errors.ts';

export interface CacheConfig {
  chunkBytes: number;
  lookaheadChunks: number;
  backgroundFill: boolean;
  prefetchNext: boolean;
  maxBytes: number;
}

export interface ChunkCacheOptions {
  catalog: Catalog;
  bus: EventBus;
  dir: string;
  config: () => CacheConfig;
  share?: ShareIo;
  /** Where a share found gone or back is reported: the roots' online state has one owner (RootStatus). */
  reportRoot: (rootId: number, online: boolean, reason: string | null) => void;
  /** The parser bundle's entry, which runs the share threads; needed unless `share` is given. */
  threadEntry?: string;
  /** The chunk files on disk; tests give one whose disk fills up. */
  files?: ChunkFiles;
  /** How long a share call may take before the share counts as gone. */
  shareTimeoutMs?: number;
  probeIntervalMs?: number;
}

export interface CachedFile {
  size: number;
  mtimeMs: number;
  source: ByteSource;
}

/** Threads reading the share, and so the most pieces in flight. */
const SHARE_THREADS = 4;
/**
 * Whatever is in flight when a start or a seek comes is ahead of its first bytes on the link,
 * so apart from that first read (which goes alone) at most two small pieces are: a reader
 * going on through uncached bytes and the lookahead share them, the start of the next track
 * and the background fill get one.
 */
const CALM_PIECES = 2;
const OTHER_PIECES = 1;
/** Chunk fetches under way for lookahead, prefetch and background together. */
const NON_DEMAND_FETCHES = 3;
const PIECE_BYTES = 32 * 1024;
/** The first read of a start or a seek: small, so that its bytes are the first to arrive. */
const HEAD_BYTES = 16 * 1024;
const PREFETCH_BYTES = 4 * 1024 * 1024;
const RECORD_BATCH = 64;
const RECORD_DELAY_MS = 250;
const IDLE_CLOSE_MS = 30_000;
const DISK_FULL_RETRY_MS = 30_000;
const READ_LIMIT = 512 * 1024;
const FIRST_READ_LIMIT = 64 * 1024;
/** How long a file's fingerprint, once checked on the share, is taken as current. */
const REVALIDATE_MS = 10_000;

// sshfs also answers EPIPE or EACCES for a while when its connection drops.
const OFFLINE_CODES = new Set([...SHARE_GONE_CODES, 'EPIPE', 'EACCES']);

export class ChunkCache {
  private readonly catalog: Catalog;
  private readonly bus: EventBus;
  private readonly reportRoot: ChunkCacheOptions['reportRoot'];
  private readonly files: ChunkFiles;
  private readonly share: ShareIo;
  private readonly config: () => CacheConfig;
  private readonly timeoutMs: number;
  private readonly probeMs: number;
  readonly figures = new CacheFigures();

  private readonly entries = new Map<string, CacheEntry>();
  private readonly fetches = new Map<string, ChunkFetch>();
  private readonly ready: Promise<void>;
  private totalBytes: number;
  private entryCount: number;
  private reservedBytes = 0;
  private piecesInFlight = 0;
  private nonDemandInFlight = 0;
  private lastFetchChunkBytes: number | null = null;

  private readonly storing = new Set<Promise<void>>();
  private pendingChunks: ChunkRecord[] = [];
  private readonly pendingTouches = new Map<number, number>();
  private recordTimer: NodeJS.Timeout | null = null;
  private readonly idleTimer: NodeJS.Timeout;

  private playingPath: string | null = null;
  private nextPath: string | null = null;
  private readonly offline = new Map<
    number,
    { path: string; probePath: string; waiters: Set<() => void>; timer: NodeJS.Timeout }
  >();
  private diskFullUntil = 0;
  private tooSmall = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  private mounts: Mount[] = [];
  /** Roots whose file system refused an unaligned direct read: read through the page cache. */
  private readonly noDirect = new Set<number>();

  constructor(options: ChunkCacheOptions) {
    this.catalog = options.catalog;
    this.bus = options.bus;
    this.files = options.files ?? new ChunkFiles(options.dir);
    if (!options.share && !options.threadEntry) throw new Error('The chunk cache needs a share reader or its entry');
    this.reportRoot = options.reportRoot;
    this.share = options.share ?? new ThreadShareIo(SHARE_THREADS, options.threadEntry!);
    this.config = options.config;
    this.timeoutMs = options.shareTimeoutMs ?? 8000;
    this.probeMs = options.probeIntervalMs ?? 2000;
    const totals = this.catalog.cache.totals();
    this.totalBytes = totals.bytes;
    this.entryCount = totals.entries;
    this.ready = this.files.sweep(this.catalog.cache.entryIds(), this.catalog.cache.maxEntryId());
    void readMountTable().then((mounts) => (this.mounts = mounts));
    this.idleTimer = setInterval(() => this.closeIdle(), IDLE_CLOSE_MS / 2);
    this.idleTimer.unref();
    this.unsubscribe = this.bus.on('settings.changed', () => {
      this.makeRoom(0);
      this.pump();
    });
  }

  // ——— what the media handler asks ———

  /**
   * The cached view of a track under a network root, or null when it cannot be served (gone
   * from the share, or the share is away and nothing of it is cached).
   */
  async open(path: string, rootId: number, root: RootState, requestedAt: number): Promise<CachedFile | null> {
    if (!root.online || this.offline.has(rootId)) {
      const cached = this.loadEntry(path, rootId);
      return cached ? this.view(cached, requestedAt) : null;
    }
    const known = this.loadEntry(path, rootId);
    const inPlay = known !== null && (known.readers > 0 || known.path === this.playingPath);
    const fresh = inPlay && Date.now() - known.validatedAt < REVALIDATE_MS;
    // Checked moments ago (a seek in the same play), or wholly cached (a replay): served at
    // once. A replay is checked alongside; if the file changed, the entry is dropped and the
    // stream fails after at most its first read, and the player's retry gets the new file.
    if (known && (fresh || known.complete)) {
      if (!fresh) known.validation = this.validate(known, root);
      return this.view(known, requestedAt);
    }
    // The file is opened while its fingerprint is checked: the first read then waits one
    // round trip less. An entry already open keeps its own.
    const file = known?.file ? null : this.openShareFile(path, rootId);
    let stat: ShareStat;
    try {
      stat = await this.share.stat(path, this.timeoutMs);
    } catch (err) {
      file?.close();
      if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') {
        this.dropPath(path);
        return null;
      }
      this.markOffline(rootId, root.path, err);
      const cached = this.loadEntry(path, rootId);
      return cached ? this.view(cached, requestedAt) : null;
    }
    const entry = this.entryFor(path, rootId, stat);
    if (file && !entry.file) entry.file = file;
    else file?.close();
    return this.view(entry, requestedAt);
  }

  private view(entry: CacheEntry, requestedAt: number): CachedFile {
    return {
      size: entry.size,
      mtimeMs: Number(entry.mtimeNs / 1_000_000n),
      source: { stream: (start, end, signal) => this.stream(entry, start, end, signal, requestedAt) },
    };
  }

  private async validate(entry: CacheEntry, root: RootState): Promise<void> {
    try {
      const stat = await this.share.stat(entry.path, this.timeoutMs);
      if (entry.matches(stat.size, stat.mtimeNs)) entry.validatedAt = Date.now();
      else this.dropEntry(entry);
    } catch (err) {
      if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') this.dropEntry(entry);
      else this.markOffline(entry.rootId, root.path, err);
    }
  }

  /** The player names what plays now and what comes next: both are kept, the next is fetched ahead. */
  hint(playing: { path: string; rootId: number } | null, next: { path: string; rootId: number } | null): void {
    this.playingPath = playing?.path ?? null;
    this.nextPath = next?.path ?? null;
    for (const track of [playing, next]) {
      if (!track || this.entries.has(track.path)) continue;
      const root = this.catalog.cache.rootState(track.rootId);
      if (!root || root.kind !== 'network' || !root.online || this.offline.has(track.rootId)) continue;
      this.share.stat(track.path, this.timeoutMs).then(
        (stat) => {
          if (this.closed) return;
          this.entryFor(track.path, track.rootId, stat);
          this.pump();
        },
        () => {},
      );
    }
    this.pump();
  }

  stats(): CacheStats {
    const config = this.config();
    const offlineRoots = [...this.offline.values()].map((o) => o.path);
    let warning: string | null = null;
    if (Date.now() < this.diskFullUntil)
      warning = 'The disk holding the cache is full: tracks play straight from the share, nothing new is cached.';
    else if (this.tooSmall)
      warning = 'The cache is smaller than the tracks in use: raise the maximum cache size to keep them.';
    else if (offlineRoots.length)
      warning = `The share is offline (${offlineRoots.join(', ')}): only what is cached plays until it returns.`;
    return {
      bytesCached: this.totalBytes,
      maxBytes: config.maxBytes,
      entries: this.entryCount,
      hitRate: this.figures.hitRate(),
      bytesFromCache: this.figures.bytesFromCache,
      bytesFromShare: this.figures.bytesFromShare,
      fetchesInFlight: this.fetches.size,
      lastFetchChunkBytes: this.lastFetchChunkBytes,
      server: { firstByte: this.figures.serverStart.figures(), seek: this.figures.serverSeek.figures() },
      player: { firstAudio: this.figures.playerStart.figures(), seek: this.figures.playerSeek.figures() },
      offlineRoots,
      warning,
    };
  }

  reportTiming(kind: 'start' | 'seek', ms: number): void {
    (kind === 'start' ? this.figures.playerStart : this.figures.playerSeek).add(ms);
  }

  /** Forgets every cached file except those being played or about to be. */
  async clear(): Promise<void> {
    this.flush();
    const maxId = this.catalog.cache.maxEntryId();
    const keep = [...this.entries.values()].filter((e) => this.protectedEntry(e));
    const keepIds = new Set(keep.map((e) => e.id));
    for (const entry of this.entries.values()) if (!keepIds.has(entry.id)) this.dropEntry(entry);
    this.catalog.cache.deleteAll([...keepIds]);
    const totals = this.catalog.cache.totals();
    this.totalBytes = totals.bytes;
    this.entryCount = totals.entries;
    this.tooSmall = false;
    this.diskFullUntil = 0;
    // Entries made while the folders are swept are left alone.
    await this.files.sweep(keepIds, maxId);
  }

  /** Resolves once nothing is being fetched or written (tests and benchmarks wait on it). */
  async idle(): Promise<void> {
    while (this.fetches.size > 0 && !this.closed) await new Promise((resolve) => setTimeout(resolve, 5));
    this.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    clearInterval(this.idleTimer);
    for (const o of this.offline.values()) clearInterval(o.timer);
    for (const fetch of this.fetches.values()) fetch.fail(new Error('The cache is closed'));
    this.fetches.clear();
    await this.ready.catch(() => {});
    await Promise.allSettled([...this.storing]);
    this.flush();
    for (const entry of this.entries.values()) this.closeFd(entry);
    await this.share.dispose();
  }

  // ——— entries ———

  private entryFor(path: string, rootId: number, stat: ShareStat): CacheEntry {
    const known = this.loadEntry(path, rootId);
    if (known && known.matches(stat.size, stat.mtimeNs)) {
      known.validatedAt = Date.now();
      return known;
    }
    // The file on the share changed (or was never cached): its old bytes are worthless.
    if (known) this.dropEntry(known);
    const row = this.catalog.cache.createEntry(path, stat.size, stat.mtimeNs, this.config().chunkBytes, Date.now());
    this.entryCount++;
    const entry = new CacheEntry(row, rootId, []);
    entry.validatedAt = Date.now();
    this.entries.set(path, entry);
    return entry;
  }

  private loadEntry(path: string, rootId: number): CacheEntry | null {
    const loaded = this.entries.get(path);
    if (loaded) return loaded;
    const row = this.catalog.cache.entryByPath(path);
    if (!row) return null;
    const entry = new CacheEntry(row, rootId, this.catalog.cache.chunkIndexes(row.id));
    this.entries.set(path, entry);
    return entry;
  }

  private dropPath(path: string): void {
    const loaded = this.entries.get(path);
    if (loaded) return this.dropEntry(loaded);
    const row = this.catalog.cache.entryByPath(path);
    if (row) this.dropEntry(new CacheEntry(row, 0, this.catalog.cache.chunkIndexes(row.id)));
  }

  private dropEntry(entry: CacheEntry, bytes = entry.bytes): void {
    if (entry.dropped) return;
    entry.dropped = true;
    this.entries.delete(entry.path);
    for (const [key, fetch] of this.fetches) {
      if (fetch.entryId !== entry.id) continue;
      fetch.fail(Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' }));
      this.fetches.delete(key);
    }
    this.pendingChunks = this.pendingChunks.filter((c) => c.entryId !== entry.id);
    this.pendingTouches.delete(entry.id);
    this.catalog.cache.deleteEntry(entry.id);
    this.totalBytes -= bytes;
    this.entryCount--;
    this.closeFd(entry);
    void this.files.removeEntry(entry.id);
  }

  private protectedEntry(entry: CacheEntry): boolean {
    return (
      entry.readers > 0 ||
      entry.path === this.playingPath ||
      entry.path === this.nextPath ||
      [...this.fetches.values()].some((f) => f.entryId === entry.id)
    );
  }

  /** Evicts least recently used entries (never one in use) until `bytes` more fit. */
  private makeRoom(bytes: number): boolean {
    const max = this.config().maxBytes;
    if (this.totalBytes + this.reservedBytes + bytes <= max) return true;
    this.flush();
    const protectedIds = new Set([...this.entries.values()].filter((e) => this.protectedEntry(e)).map((e) => e.id));
    while (this.totalBytes + this.reservedBytes + bytes > max) {
      const victim = this.catalog.cache.leastRecentlyUsed(64).find((c) => !protectedIds.has(c.id));
      if (!victim) return false;
      const loaded = this.entries.get(victim.path);
      if (loaded && loaded.id === victim.id) this.dropEntry(loaded, victim.bytes);
      else {
        this.catalog.cache.deleteEntry(victim.id);
        this.totalBytes -= victim.bytes;
        this.entryCount--;
        void this.files.removeEntry(victim.id);
      }
    }
    return true;
  }

  // ——— reading ———

  private stream(
    entry: CacheEntry,
    start: number,
    end: number,
    signal: AbortSignal,
    requestedAt: number,
  ): ReadableStream<Uint8Array> {
    let position = start;
    let first = true;
    let released = false;
    const disk = this.files.reader();
    entry.readers++;
    const release = () => {
      if (released) return;
      released = true;
      disk.close();
      entry.readers--;
      entry.lastUsedAt = Date.now();
      this.pendingTouches.set(entry.id, entry.lastUsedAt);
      this.scheduleRecord();
    };
    signal.addEventListener('abort', release, { once: true });
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const bytes = await this.readAt(entry, position, end, signal, first, disk);
          if (first) {
            first = false;
            const ms = performance.now() - requestedAt;
            (start === 0 ? this.figures.serverStart : this.figures.serverSeek).add(ms);
          }
          position += bytes.length;
          // A replay is served before its check on the share is back: the stream does not
          // end before it is, so that a file changed meanwhile ends in an error, never stale.
          if (position > end && entry.validation) await entry.validation;
          if (entry.dropped) throw Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' });
          controller.enqueue(bytes);
          if (position > end) {
            release();
            controller.close();
          }
        } catch (err) {
          release();
          controller.error(err);
        }
      },
      cancel: () => release(),
    });
  }

  private async readAt(
    entry: CacheEntry,
    position: number,
    end: number,
    signal: AbortSignal,
    first: boolean,
    disk: ChunkReader,
  ): Promise<Uint8Array> {
    let retried = false;
    for (;;) {
      if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      if (entry.dropped) throw Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' });
      const index = entry.chunkOf(position);
      const chunkStart = entry.chunkStart(index);
      const chunkLength = entry.chunkLength(index);
      // A stream's first read is short: the player can start on it while the rest comes.
      const most = first ? FIRST_READ_LIMIT : READ_LIMIT;
      const limit = Math.min(end, chunkStart + chunkLength - 1, position + most - 1);
      entry.playhead = index;
      entry.lastReadAt = Date.now();
      if (entry.has(index)) {
        const bytes = await disk.read(entry.id, index, chunkLength, position - chunkStart, limit - position + 1);
        if (bytes) {
          this.figures.bytesFromCache += bytes.length;
          this.pump();
          return bytes;
        }
        // Recorded but gone or damaged on disk: forget it and fetch it again.
        disk.close();
        this.forgetChunk(entry, index);
      }
      if (entry.dropped) throw Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' });
      if (this.offline.has(entry.rootId)) {
        await this.waitOnline(entry.rootId, signal);
        continue;
      }
      const fetch = this.fetchFor(entry, index, DEMAND, first ? position : undefined);
      fetch.want(position, DEMAND, first);
      this.pump();
      try {
        // Bytes of a chunk that already arrived (and is being written) count as a hit.
        const fromMemory = fetch.complete;
        const bytes = await fetch.bytesAt(position, limit, signal);
        if (fromMemory) this.figures.bytesFromCache += bytes.length;
        else this.figures.bytesFromShare += bytes.length;
        return bytes;
      } catch (err) {
        if (signal.aborted) throw err;
        if (this.offline.has(entry.rootId)) continue;
        // A direct read refused: the file is reopened without it and the read tried again.
        if (errorCode(err) === 'EINVAL' && !retried) {
          retried = true;
          continue;
        }
        throw err;
      }
    }
  }

  private forgetChunk(entry: CacheEntry, index: number): void {
    if (!entry.has(index)) return;
    this.flush();
    entry.unmark(index);
    this.totalBytes -= entry.chunkLength(index);
    this.catalog.cache.deleteChunk(entry.id, index);
  }

  private waitOnline(rootId: number, signal: AbortSignal): Promise<void> {
    const state = this.offline.get(rootId);
    if (!state) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        state.waiters.delete(done);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      state.waiters.add(done);
    });
  }

  // ——— fetching ———

  private fetchFor(entry: CacheEntry, index: number, priority: number, head?: number): ChunkFetch {
    const key = `${entry.id}:${index}`;
    const existing = this.fetches.get(key);
    if (existing && !existing.failed) return existing;
    const length = entry.chunkLength(index);
    const fetch = new ChunkFetch(
      entry.id,
      index,
      entry.chunkStart(index),
      length,
      PIECE_BYTES,
      priority,
      head === undefined ? undefined : { position: head, bytes: HEAD_BYTES },
    );
    this.fetches.set(key, fetch);
    this.lastFetchChunkBytes = entry.chunkSize;
    fetch.done.then(
      (parts) => {
        const stored = this.store(entry, fetch, parts);
        this.storing.add(stored);
        void stored.finally(() => this.storing.delete(stored));
      },
      () => {
        if (this.fetches.get(key) === fetch) this.fetches.delete(key);
        this.pump();
      },
    );
    return fetch;
  }

  private async store(entry: CacheEntry, fetch: ChunkFetch, parts: Uint8Array[]): Promise<void> {
    const key = `${entry.id}:${fetch.index}`;
    try {
      if (entry.dropped || this.closed) return;
      if (Date.now() < this.diskFullUntil) return;
      if (!this.makeRoom(fetch.length)) {
        this.tooSmall = true;
        return;
      }
      this.reservedBytes += fetch.length;
      try {
        await this.ready;
        await this.files.write(entry.id, fetch.index, parts);
      } catch (err) {
        if (errorCode(err) === 'ENOSPC' || errorCode(err) === 'EDQUOT') {
          this.diskFullUntil = Date.now() + DISK_FULL_RETRY_MS;
          console.error('tonearm: the cache disk is full; playing from the share:', (err as Error).message);
        } else console.error('tonearm: a chunk could not be cached:', err);
        return;
      } finally {
        this.reservedBytes -= fetch.length;
      }
      if (entry.dropped) {
        void this.files.removeEntry(entry.id);
        return;
      }
      entry.mark(fetch.index);
      this.totalBytes += fetch.length;
      this.tooSmall = false;
      this.pendingChunks.push({ entryId: entry.id, index: fetch.index, start: fetch.start, bytes: fetch.length });
      this.pendingTouches.set(entry.id, Date.now());
      this.scheduleRecord();
    } finally {
      if (this.fetches.get(key) === fetch) this.fetches.delete(key);
      this.pump();
    }
  }

  /** Starts as many piece reads as the limits allow, most urgent first. */
  private pump(): void {
    if (this.closed) return;
    while (this.piecesInFlight < SHARE_THREADS) {
      const job = this.nextPiece();
      if (!job) return;
      this.issue(job.fetch, job.piece, job.entry);
    }
  }

  private nextPiece(): { fetch: ChunkFetch; piece: number; entry: CacheEntry } | null {
    const allowed = (priority: number) =>
      this.piecesInFlight < CALM_PIECES && (priority <= LOOKAHEAD || this.nonDemandInFlight < OTHER_PIECES);
    const allowOthers = allowed(LOOKAHEAD);
    let waiting = false;
    for (const fetch of this.fetches.values()) {
      if (fetch.urgent === null) continue;
      const entry = this.entryById(fetch.entryId);
      if (!entry || this.offline.has(entry.rootId)) continue;
      if (!fetch.isIssued(fetch.urgent)) return { fetch, piece: fetch.urgent, entry };
      waiting = true;
    }
    if (waiting) return null;
    let best: { fetch: ChunkFetch; piece: number; entry: CacheEntry } | null = null;
    for (const fetch of this.fetches.values()) {
      if (!allowed(fetch.priority)) continue;
      if (best && best.fetch.priority <= fetch.priority) continue;
      const entry = this.entryById(fetch.entryId);
      if (!entry || this.offline.has(entry.rootId)) continue;
      const piece = fetch.nextPiece();
      if (piece !== null) best = { fetch, piece, entry };
    }
    if (best || !allowOthers) return best;
    const planned = this.plan();
    if (!planned || !allowed(planned.priority)) return null;
    const fetch = this.fetchFor(planned.entry, planned.index, planned.priority);
    const piece = fetch.nextPiece();
    return piece === null ? null : { fetch, piece, entry: planned.entry };
  }

  private entryById(id: number): CacheEntry | undefined {
    for (const entry of this.entries.values()) if (entry.id === id) return entry;
    return undefined;
  }

  /** The next chunk worth fetching ahead of need, or null. */
  private plan(): { entry: CacheEntry; index: number; priority: number } | null {
    if (Date.now() < this.diskFullUntil) return null;
    let underway = 0;
    for (const fetch of this.fetches.values()) if (fetch.priority !== DEMAND) underway++;
    if (underway >= NON_DEMAND_FETCHES) return null;
    const config = this.config();
    const usable = (e: CacheEntry | undefined): e is CacheEntry =>
      e !== undefined && !e.dropped && !this.offline.has(e.rootId);
    const missing = (e: CacheEntry, i: number) => !e.has(i) && !this.fetches.has(`${e.id}:${i}`);
    const fits = (e: CacheEntry, i: number) => {
      if (this.makeRoom(e.chunkLength(i))) return true;
      this.tooSmall = true;
      return false;
    };
    // The playing track counts once its player has read it: fetching its start ahead of the
    // player's own request would only put those bytes on the link ahead of the first read.
    const active = [...this.entries.values()]
      .filter((e) => usable(e) && (e.readers > 0 || (e.path === this.playingPath && e.lastReadAt > 0)))
      .sort((a, b) => b.lastReadAt - a.lastReadAt);
    const lookahead = (upTo: number) => {
      for (const entry of active) {
        const last = Math.min(entry.chunkCount - 1, entry.playhead + upTo);
        for (let i = entry.playhead; i <= last; i++) if (missing(entry, i)) return { entry, index: i };
      }
      return null;
    };
    const next = this.nextPath ? this.entries.get(this.nextPath) : undefined;
    const prefetch = (chunks: number) => {
      if (!config.prefetchNext || !usable(next)) return null;
      for (let i = 0; i < Math.min(next.chunkCount, chunks); i++)
        if (missing(next, i)) return { entry: next, index: i };
      return null;
    };
    // The next couple of chunks, then the next track's first, then the rest of the window:
    // a long lookahead on a slow link must not starve the start of the next track.
    const stages: [() => { entry: CacheEntry; index: number } | null, number][] = [
      [() => lookahead(Math.min(config.lookaheadChunks, 2)), LOOKAHEAD],
      [() => prefetch(1), PREFETCH],
      [() => lookahead(config.lookaheadChunks), LOOKAHEAD],
      [() => prefetch(Math.max(1, Math.ceil(PREFETCH_BYTES / (next?.chunkSize ?? PREFETCH_BYTES)))), PREFETCH],
    ];
    for (const [find, priority] of stages) {
      const found = find();
      if (found) return fits(found.entry, found.index) ? { ...found, priority } : null;
    }
    if (!config.backgroundFill) return null;
    for (const entry of active) {
      for (let step = 1; step < entry.chunkCount; step++) {
        const i = (entry.playhead + step) % entry.chunkCount;
        if (missing(entry, i)) return fits(entry, i) ? { entry, index: i, priority: BACKGROUND } : null;
      }
    }
    return null;
  }

  private issue(fetch: ChunkFetch, piece: number, entry: CacheEntry): void {
    fetch.markIssued(piece);
    const demand = fetch.priority === DEMAND;
    this.piecesInFlight++;
    if (!demand) this.nonDemandInFlight++;
    const { position, length } = fetch.pieceRange(piece);
    void (async () => {
      try {
        const bytes = await this.fileOf(entry).with((fd) => this.share.read(fd, position, length, this.timeoutMs));
        fetch.deliver(piece, bytes);
      } catch (err) {
        this.onShareError(entry, err);
        fetch.pieceFailed(err as Error);
      } finally {
        this.piecesInFlight--;
        if (!demand) this.nonDemandInFlight--;
        this.pump();
      }
    })();
  }

  private fileOf(entry: CacheEntry): ShareFile {
    if (!entry.file) {
      const file = this.openShareFile(entry.path, entry.rootId);
      entry.file = file;
      file.fd.catch(() => {
        if (entry.file === file) entry.file = null;
      });
    }
    return entry.file;
  }

  /**
   * Direct reads (O_DIRECT) on FUSE and NFS mounts, which take them at any offset: no kernel
   * readahead then puts more on the link than was asked. Local disks want aligned direct
   * reads, so a folder that is "network" only by the user's say-so is read normally.
   */
  private openShareFile(path: string, rootId: number): ShareFile {
    const fsType = mountOf(path, this.mounts)?.fsType ?? '';
    const direct = !this.noDirect.has(rootId) && (fsType.startsWith('fuse.') || fsType.startsWith('nfs'));
    return new ShareFile(this.share, this.share.open(path, this.timeoutMs, direct));
  }

  private closeFd(entry: CacheEntry): void {
    entry.file?.close();
    entry.file = null;
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const entry of this.entries.values()) {
      if (this.protectedEntry(entry) || now - entry.lastReadAt < IDLE_CLOSE_MS) continue;
      this.closeFd(entry);
      this.entries.delete(entry.path);
    }
  }

  private onShareError(entry: CacheEntry, err: unknown): void {
    const code = errorCode(err);
    if (code === 'EINVAL' && !this.noDirect.has(entry.rootId)) {
      this.noDirect.add(entry.rootId);
      this.closeFd(entry);
      return;
    }
    if (code === 'ESHORT' || code === 'ENOENT') {
      this.dropEntry(entry);
      return;
    }
    if (code && OFFLINE_CODES.has(code)) {
      const root = this.catalog.cache.rootState(entry.rootId);
      this.markOffline(entry.rootId, root?.path ?? entry.path, err, entry.path);
    }
  }

  // ——— a share that went away ———

  private markOffline(rootId: number, path: string, err: unknown, probePath = path): void {
    if (this.offline.has(rootId) || this.closed) return;
    const timer = setInterval(() => this.probe(rootId), this.probeMs);
    timer.unref();
    this.offline.set(rootId, { path, probePath, waiters: new Set(), timer });
    for (const entry of this.entries.values()) if (entry.rootId === rootId) this.closeFd(entry);
    this.setRootOnline(rootId, false, `The share stopped answering during playback (${(err as Error).message})`);
  }

  private probing = new Set<number>();

  private probe(rootId: number): void {
    const state = this.offline.get(rootId);
    if (!state || this.probing.has(rootId)) return;
    this.probing.add(rootId);
    // An open, not a stat: a share that is away still answers a stat from its attribute cache.
    this.share
      .open(state.probePath, this.timeoutMs)
      .then(
        (fd) => {
          this.share.close(fd);
          if (this.offline.get(rootId) !== state) return;
          clearInterval(state.timer);
          this.offline.delete(rootId);
          this.setRootOnline(rootId, true, null);
          for (const wake of state.waiters) wake();
          this.pump();
        },
        () => {},
      )
      .finally(() => this.probing.delete(rootId));
  }

  private setRootOnline(rootId: number, online: boolean, reason: string | null): void {
    this.reportRoot(rootId, online, reason);
  }

  // ——— the catalog, in batches ———

  private scheduleRecord(): void {
    if (this.pendingChunks.length >= RECORD_BATCH) return this.flush();
    if (this.recordTimer || this.closed) return;
    this.recordTimer = setTimeout(() => this.flush(), RECORD_DELAY_MS);
    this.recordTimer.unref();
  }

  /** Records written chunks (and last-used times) in one transaction. */
  flush(): void {
    if (this.recordTimer) clearTimeout(this.recordTimer);
    this.recordTimer = null;
    if (this.pendingChunks.length === 0 && this.pendingTouches.size === 0) return;
    const chunks = this.pendingChunks;
    const touches = new Map(this.pendingTouches);
    this.pendingChunks = [];
    this.pendingTouches.clear();
    try {
      this.catalog.cache.record(chunks, touches);
    } catch (err) {
      console.error('tonearm: could not record cached chunks:', err);
    }
  }
}
