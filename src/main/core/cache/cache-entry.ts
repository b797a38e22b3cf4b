// A cached file as the cache keeps it in memory while it is in use: which chunks are on
// disk (answered without asking the catalog), who is reading it, and where they are.
import type { CacheEntryRow } from '../catalog/cache.ts';
import type { ShareFile } from './share-file.ts';

export class CacheEntry {
  readonly id: number;
  readonly path: string;
  readonly rootId: number;
  readonly size: number;
  readonly mtimeNs: bigint;
  readonly chunkSize: number;
  readonly chunkCount: number;
  private readonly present: Uint8Array;
  bytes = 0;
  readers = 0;
  /** The chunk readers last asked for: the lookahead runs ahead of it. */
  playhead = 0;
  lastUsedAt: number;
  lastReadAt = 0;
  dropped = false;
  /** When its fingerprint was last found to match the file on the share. */
  validatedAt = 0;
  /** A check of its fingerprint under way, if any. */
  validation: Promise<void> | null = null;
  /** The file open on the share, while the entry is in use. */
  file: ShareFile | null = null;

  constructor(row: CacheEntryRow, rootId: number, presentChunks: readonly number[]) {
    this.id = row.id;
    this.path = row.path;
    this.rootId = rootId;
    this.size = row.size;
    this.mtimeNs = row.mtimeNs;
    this.chunkSize = row.chunkSize;
    this.lastUsedAt = row.lastUsedAt;
    this.chunkCount = Math.max(1, Math.ceil(row.size / row.chunkSize));
    this.present = new Uint8Array(this.chunkCount);
    for (const index of presentChunks) {
      if (index < 0 || index >= this.chunkCount) continue;
      this.present[index] = 1;
      this.bytes += this.chunkLength(index);
    }
  }

  chunkStart(index: number): number {
    return index * this.chunkSize;
  }

  chunkLength(index: number): number {
    return Math.max(0, Math.min(this.chunkSize, this.size - index * this.chunkSize));
  }

  chunkOf(position: number): number {
    return Math.floor(position / this.chunkSize);
  }

  has(index: number): boolean {
    return this.present[index] === 1;
  }

  mark(index: number): void {
    if (this.present[index] === 1) return;
    this.present[index] = 1;
    this.bytes += this.chunkLength(index);
  }

  unmark(index: number): void {
    if (this.present[index] !== 1) return;
    this.present[index] = 0;
    this.bytes -= this.chunkLength(index);
  }

  get complete(): boolean {
    return this.bytes === this.size;
  }

  matches(size: number, mtimeNs: bigint): boolean {
    return this.size === size && this.mtimeNs === mtimeNs;
  }

  closeFile(): void {
    this.file?.close();
    this.file = null;
  }
}
