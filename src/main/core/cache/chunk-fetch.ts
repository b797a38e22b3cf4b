// One chunk on its way from the share: cut into pieces that are read in parallel, the piece a
// reader waits for first, and handed to readers as each piece arrives — a reader never waits
// for the whole chunk.

// Priorities: lower goes first.
export const DEMAND = 0;
export const LOOKAHEAD = 1;
export const PREFETCH = 2;
export const BACKGROUND = 3;

export interface PieceJob {
  fetch: ChunkFetch;
  piece: number;
}

type Waiter = { piece: number; resolve(): void; reject(err: Error): void };

export class ChunkFetch {
  readonly entryId: number;
  readonly index: number;
  /** Where the chunk starts in the file, and its length. */
  readonly start: number;
  readonly length: number;
  /** Where each piece starts, relative to the chunk, and the chunk's length last. */
  private readonly bounds: number[];
  priority: number;
  /** Lower is sooner; a reader's position moves its piece to the front. */
  private order: number[];
  private readonly parts: (Uint8Array | null)[];
  private readonly issued: boolean[];
  private waiters: Waiter[] = [];
  private remaining: number;
  inFlight = 0;
  failed: Error | null = null;
  readonly done: Promise<Uint8Array[]>;
  private settle!: { resolve(parts: Uint8Array[]): void; reject(err: Error): void };

  /**
   * `head`, when a reader waits at that file position, gets a piece of its own of `headBytes`:
   * the first bytes of a start or a seek cross the link alone and in one short read.
   */
  constructor(
    entryId: number,
    index: number,
    start: number,
    length: number,
    pieceSize: number,
    priority: number,
    head?: { position: number; bytes: number },
  ) {
    this.entryId = entryId;
    this.index = index;
    this.start = start;
    this.length = length;
    this.priority = priority;
    const cuts = new Set<number>();
    for (let offset = 0; offset < length; offset += pieceSize) cuts.add(offset);
    if (head) {
      const at = head.position - start;
      if (at > 0 && at < length) cuts.add(at);
      if (at >= 0 && at + head.bytes < length) cuts.add(at + head.bytes);
    }
    cuts.add(0);
    this.bounds = [...cuts].sort((a, b) => a - b);
    this.bounds.push(length);
    const pieces = this.bounds.length - 1;
    this.parts = new Array<Uint8Array | null>(pieces).fill(null);
    this.issued = new Array<boolean>(pieces).fill(false);
    this.order = [...Array(pieces).keys()];
    this.remaining = pieces;
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Nobody need be listening: a failed background fetch is not an error anyone sees.
    this.done.catch(() => {});
  }

  get pieceCount(): number {
    return this.parts.length;
  }

  pieceRange(piece: number): { position: number; length: number } {
    const offset = this.bounds[piece]!;
    return { position: this.start + offset, length: this.bounds[piece + 1]! - offset };
  }

  pieceOf(position: number): number {
    const offset = position - this.start;
    let piece = 0;
    while (piece < this.bounds.length - 2 && this.bounds[piece + 1]! <= offset) piece++;
    return piece;
  }

  /**
   * The piece a stream's first bytes are in (a start or a seek): while it is on its way nothing
   * else is asked of the share, so that nothing is ahead of it on the link.
   */
  urgent: number | null = null;

  /** A reader needs the byte at file position `position`: its piece, then what follows, go first. */
  want(position: number, priority: number, urgent = false): void {
    this.priority = Math.min(this.priority, priority);
    const first = this.pieceOf(position);
    if (urgent && !this.parts[first]) this.urgent = first;
    this.order = [...this.order.filter((p) => p >= first), ...this.order.filter((p) => p < first)];
  }

  /** The next piece not yet asked of the share, or null. */
  nextPiece(): number | null {
    if (this.failed) return null;
    for (const piece of this.order) if (!this.issued[piece]) return piece;
    return null;
  }

  isIssued(piece: number): boolean {
    return this.issued[piece] === true;
  }

  markIssued(piece: number): void {
    this.issued[piece] = true;
    this.inFlight++;
  }

  /** The share answered a piece; a short answer means the file changed under us. */
  deliver(piece: number, bytes: Uint8Array): void {
    this.inFlight--;
    if (this.failed) return;
    if (bytes.length !== this.pieceRange(piece).length) {
      this.fail(Object.assign(new Error('The file is shorter than when it was cached'), { code: 'ESHORT' }));
      return;
    }
    this.parts[piece] = bytes;
    if (this.urgent === piece) this.urgent = null;
    this.remaining--;
    this.waiters = this.waiters.filter((w) => {
      if (w.piece !== piece) return true;
      w.resolve();
      return false;
    });
    if (this.remaining === 0) this.settle.resolve(this.parts as Uint8Array[]);
  }

  fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    this.urgent = null;
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
    this.settle.reject(err);
  }

  /** A piece failed in flight: the whole chunk fails, its readers decide what comes next. */
  pieceFailed(err: Error): void {
    this.inFlight--;
    this.fail(err);
  }

  get complete(): boolean {
    return this.remaining === 0;
  }

  /** Bytes from `position` up to `limit` (inclusive end), as soon as the first of them is here. */
  async bytesAt(position: number, limit: number, signal: AbortSignal): Promise<Uint8Array> {
    const piece = this.pieceOf(position);
    if (!this.parts[piece]) {
      if (this.failed) throw this.failed;
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { piece, resolve, reject };
        const onAbort = () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        waiter.reject = (err) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        };
        this.waiters.push(waiter);
      });
    }
    const part = this.parts[piece]!;
    const from = position - this.pieceRange(piece).position;
    const to = Math.min(part.length, limit - this.pieceRange(piece).position + 1);
    return part.subarray(from, to);
  }

  get parked(): boolean {
    return this.waiters.length > 0;
  }
}
