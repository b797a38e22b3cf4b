// The chunk cache for tracks on network shares (DESIGN.md): the media handler reads through
// it; what it lacks is fetched from the share in chunks. ChunkCache only wires the parts:
// cached-file.ts (what the media handler opens), cache-stream.ts (reads), cache-entries.ts
// (entries, eviction), fetch-scheduler.ts (reads of the share, by the policy of fetch-plan.ts),
// share-health.ts (a share away and back), chunk-records.ts (the catalog, in batches).
import type { CacheStats } from '../../../shared/domain.ts';
import type { Catalog } from '../catalog/index.ts';
import type { RootState } from '../catalog/cache.ts';
import type { CacheWrites } from '../catalog/cache-writes.ts';
import type { EventBus } from '../events/bus.ts';
import { CacheEntries } from './cache-entries.ts';
import { CacheFigures } from './cache-figures.ts';
import { CacheStreams } from './cache-stream.ts';
import { CachedFiles, type CachedFile } from './cached-file.ts';
import { ChunkFiles } from './chunk-files.ts';
import { ChunkRecords } from './chunk-records.ts';
import { FetchScheduler, SHARE_THREADS } from './fetch-scheduler.ts';
import { ShareOpener } from './share-file.ts';
import { ShareHealth } from './share-health.ts';
import { ThreadShareIo, type ShareIo } from './share-io.ts';
import { log } from '../log.ts';

export interface CacheConfig {
  chunkBytes: number;
  lookaheadChunks: number;
  backgroundFill: boolean;
  prefetchNext: boolean;
  maxBytes: number;
}

export interface ChunkCacheOptions {
  catalog: Catalog;
  /** The catalog's writer (the core's writer thread): the cache writes its rows only through it. */
  writes: CacheWrites;
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

export class ChunkCache {
  readonly figures = new CacheFigures();
  private readonly catalog: Catalog;
  private readonly config: () => CacheConfig;
  private readonly share: ShareIo;
  private readonly timeoutMs: number;
  private readonly records: ChunkRecords;
  private readonly health: ShareHealth;
  private readonly entries: CacheEntries;
  private readonly fetches: FetchScheduler;
  private readonly media: CachedFiles;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(options: ChunkCacheOptions) {
    if (!options.share && !options.threadEntry) throw new Error('The chunk cache needs a share reader or its entry');
    const { catalog, writes, config } = options;
    const files = options.files ?? new ChunkFiles(options.dir);
    const share = options.share ?? new ThreadShareIo(SHARE_THREADS, options.threadEntry!);
    const timeoutMs = options.shareTimeoutMs ?? 8000;
    this.catalog = catalog;
    this.config = config;
    this.share = share;
    this.timeoutMs = timeoutMs;
    this.records = new ChunkRecords(writes);
    const opener = new ShareOpener(share, timeoutMs);
    // The parts call one another only once running, so the ones made later are reached through `this`.
    this.health = new ShareHealth({
      share,
      timeoutMs,
      probeIntervalMs: options.probeIntervalMs ?? 2000,
      reportRoot: options.reportRoot,
      onOffline: (rootId) => this.entries.closeFiles(rootId),
      onOnline: () => this.fetches.pump(),
    });
    this.entries = new CacheEntries({
      catalog,
      writes,
      files,
      records: this.records,
      chunkBytes: () => config().chunkBytes,
      maxBytes: () => config().maxBytes,
      fetching: (entryId) => this.fetches.fetching(entryId),
      onDrop: (entry) => this.fetches.cancel(entry.id),
    });
    this.fetches = new FetchScheduler({
      catalog,
      share,
      timeoutMs,
      entries: this.entries,
      health: this.health,
      opener,
      config,
    });
    const streams = new CacheStreams({
      entries: this.entries,
      fetches: this.fetches,
      health: this.health,
      files,
      records: this.records,
      figures: this.figures,
    });
    this.media = new CachedFiles({
      share,
      timeoutMs,
      entries: this.entries,
      health: this.health,
      opener,
      streams,
    });
    this.unsubscribe = options.bus.on('settings.changed', () => {
      this.entries.makeRoom(0);
      this.fetches.pump();
    });
  }

  /** The cached view of a track for the media handler, or null when it cannot be served. */
  open(path: string, rootId: number, root: RootState, requestedAt: number): Promise<CachedFile | null> {
    return this.media.open(path, rootId, root, requestedAt);
  }

  /** The player names what plays now and what comes next: both are kept, the next is fetched ahead. */
  hint(playing: { path: string; rootId: number } | null, next: { path: string; rootId: number } | null): void {
    this.entries.playingPath = playing?.path ?? null;
    this.entries.nextPath = next?.path ?? null;
    for (const track of [playing, next]) {
      if (!track || this.entries.has(track.path)) continue;
      const root = this.catalog.cache.rootState(track.rootId);
      if (!root || root.kind !== 'network' || !root.online || this.health.isOffline(track.rootId)) continue;
      void this.prepare(track.path, track.rootId);
    }
    this.fetches.pump();
  }

  /** Makes the entry of a hinted track, for its fetches to start before its player asks. */
  private async prepare(path: string, rootId: number): Promise<void> {
    let stat;
    try {
      stat = await this.share.stat(path, this.timeoutMs);
    } catch {
      // Not worth a word: the player's own request meets the same share and reports it.
      return;
    }
    if (this.closed) return;
    try {
      await this.entries.entryFor(path, rootId, stat);
    } catch (err) {
      log.error('tonearm: a track could not be cached ahead:', err);
      return;
    }
    this.fetches.pump();
  }

  stats(): CacheStats {
    const offlineRoots = this.health.offlineRoots();
    let warning: string | null = null;
    if (this.entries.diskFull)
      warning = 'The disk holding the cache is full: tracks play straight from the share, nothing new is cached.';
    else if (this.entries.tooSmall)
      warning = 'The cache is smaller than the tracks in use: raise the maximum cache size to keep them.';
    else if (offlineRoots.length)
      warning = `The share is offline (${offlineRoots.join(', ')}): only what is cached plays until it returns.`;
    return {
      bytesCached: this.entries.totalBytes,
      maxBytes: this.config().maxBytes,
      entries: this.entries.entryCount,
      hitRate: this.figures.hitRate(),
      bytesFromCache: this.figures.bytesFromCache,
      bytesFromShare: this.figures.bytesFromShare,
      fetchesInFlight: this.fetches.size,
      lastFetchChunkBytes: this.fetches.lastFetchChunkBytes,
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
  clear(): Promise<void> {
    return this.entries.clear();
  }

  /** Records written chunks (and last-used times) in the catalog now; resolves once written. */
  flush(): Promise<void> {
    return this.records.flush();
  }

  /** Resolves once nothing is being fetched or written (tests and benchmarks wait on it). */
  async idle(): Promise<void> {
    while (this.fetches.size > 0 && !this.closed) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.records.flush();
    await this.entries.settled();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.entries.close();
    this.health.close();
    await this.fetches.close();
    await this.entries.ready.catch(() => {});
    await this.records.close();
    await this.entries.settled();
    this.entries.closeShareFiles();
    await this.share.dispose();
  }
}
