// A random-access tokenizer for music-metadata that reads a file in large aligned blocks and
// keeps them. Tag parsers make many small reads; here the first one fetches the file's head in
// a single read (one round trip on a share) and later ones are answered from memory.
import { AbstractTokenizer, EndOfStreamError, type IRandomAccessFileInfo, type IReadChunkOptions } from 'strtok3';

/** Reads `length` bytes at `position` into `target`; returns how many were read. */
export type ReadAt = (target: Uint8Array, length: number, position: number) => Promise<number> | number;

// Small blocks: after the head, reads are scattered (an ID3v1 tag, an index at the end).
const BLOCK = 16 * 1024;
/** Reads bigger than this (a large cover, an unusual chunk) bypass the cache. */
const UNCACHED_READ = 2 * 1024 * 1024;
const MAX_CACHED_BLOCKS = 256;

export class BlockTokenizer extends AbstractTokenizer {
  fileInfo: IRandomAccessFileInfo;
  readonly blocks = new Map<number, Uint8Array>();
  reads = 0;

  private readonly readAt: ReadAt;
  private readonly headBytes: number;

  constructor(readAt: ReadAt, fileInfo: IRandomAccessFileInfo, headBytes: number) {
    super();
    this.readAt = readAt;
    this.headBytes = headBytes;
    this.fileInfo = fileInfo;
  }

  supportsRandomAccess(): boolean {
    return true;
  }

  setPosition(position: number): void {
    this.position = position;
  }

  async readBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(target, options);
    const n = await this.fill(target, normalized.length, normalized.position, normalized.mayBeLess ?? false);
    this.position = normalized.position + n;
    return n;
  }

  async peekBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(target, options);
    return this.fill(target, normalized.length, normalized.position, normalized.mayBeLess ?? false);
  }

  private async fill(target: Uint8Array, length: number, position: number, mayBeLess: boolean): Promise<number> {
    const available = Math.max(0, Math.min(length, this.fileInfo.size - position));
    if (available < length && !mayBeLess) throw new EndOfStreamError();
    if (available === 0) return 0;
    if (available > UNCACHED_READ) {
      const n = await this.readFully(target, available, position);
      if (n < available && !mayBeLess) throw new EndOfStreamError();
      return n;
    }
    const firstBlock = Math.floor(position / BLOCK);
    const lastBlock = Math.floor((position + available - 1) / BLOCK);
    await this.load(firstBlock, lastBlock);
    let copied = 0;
    for (let index = firstBlock; index <= lastBlock; index++) {
      const block = this.blocks.get(index)!;
      const from = index === firstBlock ? position - index * BLOCK : 0;
      const take = Math.min(block.length - from, available - copied);
      if (take <= 0) break;
      target.set(block.subarray(from, from + take), copied);
      copied += take;
    }
    if (copied < length && !mayBeLess) throw new EndOfStreamError();
    return copied;
  }

  /** Loads the missing blocks of [first, last] with one read per contiguous gap. */
  private async load(first: number, last: number): Promise<void> {
    if (first === 0) last = Math.max(last, Math.ceil(Math.min(this.headBytes, this.fileInfo.size) / BLOCK) - 1);
    let index = first;
    while (index <= last) {
      if (this.blocks.has(index)) {
        index++;
        continue;
      }
      let end = index;
      while (end + 1 <= last && !this.blocks.has(end + 1)) end++;
      const start = index * BLOCK;
      const length = Math.min((end + 1) * BLOCK, this.fileInfo.size) - start;
      const bytes = new Uint8Array(length);
      const n = await this.readFully(bytes, length, start);
      for (let b = index; b <= end; b++) {
        const from = (b - index) * BLOCK;
        if (from >= n) break;
        this.blocks.set(b, bytes.subarray(from, Math.min(from + BLOCK, n)));
      }
      if (this.blocks.size > MAX_CACHED_BLOCKS) this.evict(first, last);
      index = end + 1;
    }
  }

  private evict(keepFirst: number, keepLast: number): void {
    for (const key of this.blocks.keys()) {
      if (this.blocks.size <= MAX_CACHED_BLOCKS) return;
      if (key !== 0 && (key < keepFirst || key > keepLast)) this.blocks.delete(key);
    }
  }

  private async readFully(target: Uint8Array, length: number, position: number): Promise<number> {
    let done = 0;
    while (done < length) {
      this.reads++;
      const n = await this.readAt(done === 0 ? target : target.subarray(done), length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }
}
