// What the cache wrote, told to the catalog in batches: one transaction (in the writer
// thread, like every write to the catalog) per batch of chunks rather than one per chunk.
import type { ChunkRecord } from '../catalog/cache.ts';
import type { CacheWrites } from '../catalog/cache-writes.ts';
import { log } from '../log.ts';

const RECORD_BATCH = 64;
const RECORD_DELAY_MS = 250;

export class ChunkRecords {
  private readonly writes: Pick<CacheWrites, 'recordCacheChunks'>;
  private chunks: ChunkRecord[] = [];
  private readonly touches = new Map<number, number>();
  /** Last-used times sent to the writer and not yet answered: the catalog does not show them yet. */
  private readonly sent = new Set<ReadonlyMap<number, number>>();
  private written: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(writes: Pick<CacheWrites, 'recordCacheChunks'>) {
    this.writes = writes;
  }

  chunkWritten(chunk: ChunkRecord, at: number): void {
    this.chunks.push(chunk);
    this.touches.set(chunk.entryId, at);
    this.schedule();
  }

  used(entryId: number, at: number): void {
    this.touches.set(entryId, at);
    this.schedule();
  }

  /** An entry dropped: what is pending for it would recreate rows of a file that is gone. */
  forget(entryId: number): void {
    this.chunks = this.chunks.filter((c) => c.entryId !== entryId);
    this.touches.delete(entryId);
  }

  /** Whether the entry was used more recently than the catalog can tell yet. */
  usedLately(entryId: number): boolean {
    if (this.touches.has(entryId)) return true;
    for (const touches of this.sent) if (touches.has(entryId)) return true;
    return false;
  }

  /**
   * Sends written chunks (and last-used times) to the writer at once, in one transaction;
   * resolves once they (and all sent before) are written. Never rejects: a batch the catalog
   * refuses is reported, and those chunks are fetched again some day.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.chunks.length === 0 && this.touches.size === 0) return this.written;
    const chunks = this.chunks;
    const touches = new Map(this.touches);
    this.chunks = [];
    this.touches.clear();
    this.sent.add(touches);
    // The writer answers in order: the last batch written means every earlier one was too.
    this.written = this.writes
      .recordCacheChunks(chunks, touches)
      .then(
        () => {},
        (err: unknown) => log.error('tonearm: could not record cached chunks:', err),
      )
      .finally(() => this.sent.delete(touches));
    return this.written;
  }

  /** Writes what is pending; nothing is scheduled after. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }

  private schedule(): void {
    if (this.chunks.length >= RECORD_BATCH) return void this.flush();
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.flush(), RECORD_DELAY_MS);
    this.timer.unref();
  }
}
