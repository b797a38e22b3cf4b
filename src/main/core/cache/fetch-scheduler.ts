// The fetches under way and the reads they make of the share: what readers wait for goes
// first, then what the fetch plan names, with a bounded number of reads in flight.
import type { Catalog } from '../catalog/index.ts';
import type { CacheEntry } from './cache-entry.ts';
import type { CacheEntries } from './cache-entries.ts';
import { ChunkFetch, DEMAND, LOOKAHEAD } from './chunk-fetch.ts';
import { planFetch } from './fetch-plan.ts';
import type { ShareOpener } from './share-file.ts';
import type { ShareHealth } from './share-health.ts';
import type { ShareIo } from './share-io.ts';
import { errorCode } from '../../../shared/error-text.ts';
import { SHARE_GONE_CODES } from '../../common/share-errors.ts';

/** Threads reading the share, and so the most pieces in flight. */
export const SHARE_THREADS = 4;
/**
 * Whatever is in flight when a start or a seek comes is ahead of its first bytes on the link,
 * so apart from that first read (which goes alone) at most two small pieces are: a reader
 * going on through uncached bytes and the lookahead share them, the start of the next track
 * and the background fill get one.
 */
const CALM_PIECES = 2;
const OTHER_PIECES = 1;
const PIECE_BYTES = 32 * 1024;
/** The first read of a start or a seek: small, so that its bytes are the first to arrive. */
const HEAD_BYTES = 16 * 1024;

// sshfs also answers EPIPE or EACCES for a while when its connection drops.
const OFFLINE_CODES = new Set([...SHARE_GONE_CODES, 'EPIPE', 'EACCES']);

export interface FetchSchedulerOptions {
  catalog: Catalog;
  share: ShareIo;
  timeoutMs: number;
  entries: CacheEntries;
  health: ShareHealth;
  opener: ShareOpener;
  config: () => { lookaheadChunks: number; backgroundFill: boolean; prefetchNext: boolean };
}

type Job = { fetch: ChunkFetch; piece: number; entry: CacheEntry };

const keyOf = (entryId: number, index: number) => `${entryId}:${index}`;

export class FetchScheduler {
  private readonly options: FetchSchedulerOptions;
  private readonly entries: CacheEntries;
  private readonly health: ShareHealth;
  private readonly fetches = new Map<string, ChunkFetch>();
  /** Fetched chunks being written to disk. */
  private readonly storing = new Set<Promise<void>>();
  private piecesInFlight = 0;
  private nonDemandInFlight = 0;
  lastFetchChunkBytes: number | null = null;
  private closed = false;

  constructor(options: FetchSchedulerOptions) {
    this.options = options;
    this.entries = options.entries;
    this.health = options.health;
  }

  get size(): number {
    return this.fetches.size;
  }

  fetching(entryId: number): boolean {
    for (const fetch of this.fetches.values()) if (fetch.entryId === entryId) return true;
    return false;
  }

  /** The entry was dropped: its fetches fail, and their readers with them. */
  cancel(entryId: number): void {
    for (const [key, fetch] of this.fetches) {
      if (fetch.entryId !== entryId) continue;
      fetch.fail(Object.assign(new Error('The file changed on the share'), { code: 'ECHANGED' }));
      this.fetches.delete(key);
    }
  }

  /** The fetch of a chunk, started if none is under way; `head` is where a start or seek reads first. */
  fetchFor(entry: CacheEntry, index: number, priority: number, head?: number): ChunkFetch {
    const key = keyOf(entry.id, index);
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
        const stored = this.entries.store(entry, index, parts).finally(() => {
          if (this.fetches.get(key) === fetch) this.fetches.delete(key);
          this.pump();
        });
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

  /** Starts as many piece reads as the limits allow, most urgent first. */
  pump(): void {
    if (this.closed) return;
    while (this.piecesInFlight < SHARE_THREADS) {
      const job = this.nextPiece();
      if (!job) return;
      this.issue(job);
    }
  }

  /** Fails what is under way and waits for what is being written. */
  async close(): Promise<void> {
    this.closed = true;
    for (const fetch of this.fetches.values()) fetch.fail(new Error('The cache is closed'));
    this.fetches.clear();
    await Promise.allSettled([...this.storing]);
  }

  private nextPiece(): Job | null {
    const allowed = (priority: number) =>
      this.piecesInFlight < CALM_PIECES && (priority <= LOOKAHEAD || this.nonDemandInFlight < OTHER_PIECES);
    const usable = (entry: CacheEntry | undefined): entry is CacheEntry =>
      entry !== undefined && !this.health.isOffline(entry.rootId);
    const allowOthers = allowed(LOOKAHEAD);
    let waiting = false;
    for (const fetch of this.fetches.values()) {
      if (fetch.urgent === null) continue;
      const entry = this.entries.byId(fetch.entryId);
      if (!usable(entry)) continue;
      if (!fetch.isIssued(fetch.urgent)) return { fetch, piece: fetch.urgent, entry };
      waiting = true;
    }
    // A start or a seek waits for its first piece: nothing else goes on the link before it.
    if (waiting) return null;
    let best: Job | null = null;
    for (const fetch of this.fetches.values()) {
      if (!allowed(fetch.priority)) continue;
      if (best && best.fetch.priority <= fetch.priority) continue;
      const entry = this.entries.byId(fetch.entryId);
      if (!usable(entry)) continue;
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

  /** The next chunk worth fetching ahead of need, if there is room for it. */
  private plan(): { entry: CacheEntry; index: number; priority: number } | null {
    if (this.entries.diskFull) return null;
    const config = this.options.config();
    const usable = (e: CacheEntry | undefined): e is CacheEntry =>
      e !== undefined && !e.dropped && !this.health.isOffline(e.rootId);
    // The playing track counts once its player has read it: fetching its start ahead of the
    // player's own request would only put those bytes on the link ahead of the first read.
    const active = [...this.entries.values()]
      .filter((e) => usable(e) && (e.readers > 0 || (e.path === this.entries.playingPath && e.lastReadAt > 0)))
      .sort((a, b) => b.lastReadAt - a.lastReadAt);
    const next = this.entries.nextPath ? this.entries.get(this.entries.nextPath) : undefined;
    let aheadUnderway = 0;
    for (const fetch of this.fetches.values()) if (fetch.priority !== DEMAND) aheadUnderway++;
    const planned = planFetch({
      active,
      next: config.prefetchNext && usable(next) ? next : null,
      inFlight: (id, index) => this.fetches.has(keyOf(id, index)),
      aheadUnderway,
      lookaheadChunks: config.lookaheadChunks,
      backgroundFill: config.backgroundFill,
    });
    if (!planned) return null;
    const { track: entry, index, priority } = planned;
    return this.entries.fits(entry, index) ? { entry, index, priority } : null;
  }

  private issue({ fetch, piece, entry }: Job): void {
    fetch.markIssued(piece);
    const demand = fetch.priority === DEMAND;
    this.piecesInFlight++;
    if (!demand) this.nonDemandInFlight++;
    const { position, length } = fetch.pieceRange(piece);
    const { share, timeoutMs, opener } = this.options;
    void (async () => {
      try {
        const bytes = await opener.fileOf(entry).with((fd) => share.read(fd, position, length, timeoutMs));
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

  private onShareError(entry: CacheEntry, err: unknown): void {
    const code = errorCode(err);
    if (code === 'EINVAL' && this.options.opener.refuseDirect(entry.rootId)) {
      entry.closeFile();
      return;
    }
    if (code === 'ESHORT' || code === 'ENOENT') {
      this.entries.drop(entry);
      return;
    }
    if (code && OFFLINE_CODES.has(code)) {
      const root = this.options.catalog.cache.rootState(entry.rootId);
      this.health.markOffline(entry.rootId, root?.path ?? entry.path, err, entry.path);
    }
  }
}
