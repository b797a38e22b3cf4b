// What the cache wrote, told to the catalog in batches: one transaction (in the writer
// thread, like every write to the catalog) per batch of chunks rather than one per chunk.
import type { Catalog } from '../catalog/index.ts';
import type { ChunkRecord } from '../catalog/cache.ts';

const RECORD_BATCH = 64;
const RECORD_DELAY_MS = 250;

export class ChunkRecords {
  private readonly catalog: Catalog;
  private chunks: ChunkRecord[] = [];
  private readonly touches = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
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

  /** Records written chunks (and last-used times) in one transaction. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.chunks.length === 0 && this.touches.size === 0) return;
    const chunks = this.chunks;
    const touches = new Map(this.touches);
    this.chunks = [];
    this.touches.clear();
    try {
      this.catalog.cache.record(chunks, touches);
    } catch (err) {
      console.error('tonearm: could not record cached chunks:', err);
    }
  }

  /** Writes what is pending; nothing is scheduled after. */
  close(): void {
    this.closed = true;
    this.flush();
  }

  private schedule(): void {
    if (this.chunks.length >= RECORD_BATCH) return this.flush();
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => this.flush(), RECORD_DELAY_MS);
    this.timer.unref();
  }
}
