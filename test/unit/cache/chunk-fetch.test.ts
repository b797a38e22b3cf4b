import { describe, expect, it } from 'vitest';
import { ChunkFetch, DEMAND, LOOKAHEAD } from '../../../src/main/core/cache/chunk-fetch.ts';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('ChunkFetch', () => {
  it('cuts a chunk into pieces, with a short piece of its own where a reader waits', () => {
    const fetch = new ChunkFetch(1, 2, 1000, 300, 100, DEMAND, { position: 1150, bytes: 20 });
    const pieces = [...Array(fetch.pieceCount).keys()].map((p) => fetch.pieceRange(p));
    expect(pieces).toEqual([
      { position: 1000, length: 100 },
      { position: 1100, length: 50 },
      { position: 1150, length: 20 },
      { position: 1170, length: 30 },
      { position: 1200, length: 100 },
    ]);
    expect(fetch.pieceOf(1169)).toBe(2);
    expect(fetch.pieceOf(1299)).toBe(4);
  });

  it('asks for the piece a reader waits on first, then what follows it, then what came before', () => {
    const fetch = new ChunkFetch(1, 0, 0, 400, 100, LOOKAHEAD);
    fetch.want(250, DEMAND, true);
    expect(fetch.priority).toBe(DEMAND);
    expect(fetch.urgent).toBe(2);
    const order: number[] = [];
    for (let piece = fetch.nextPiece(); piece !== null; piece = fetch.nextPiece()) {
      order.push(piece);
      fetch.markIssued(piece);
    }
    expect(order).toEqual([2, 3, 0, 1]);
  });

  it('hands a waiting reader its bytes as soon as their piece arrives, and the whole chunk at the end', async () => {
    const fetch = new ChunkFetch(1, 0, 0, 200, 100, DEMAND);
    fetch.markIssued(0);
    fetch.markIssued(1);
    const waiting = fetch.bytesAt(150, 199, new AbortController().signal);
    fetch.deliver(1, bytes(100, 7));
    await expect(waiting).resolves.toEqual(bytes(50, 7));
    fetch.deliver(0, bytes(100, 3));
    const parts = await fetch.done;
    expect(parts.map((p) => p[0])).toEqual([3, 7]);
  });

  it('fails the chunk, and its readers, when the share gives back less than asked', async () => {
    const fetch = new ChunkFetch(1, 0, 0, 200, 100, DEMAND);
    fetch.markIssued(0);
    const waiting = fetch.bytesAt(0, 99, new AbortController().signal);
    fetch.deliver(0, bytes(40, 1));
    await expect(waiting).rejects.toThrow(/shorter/);
    await expect(fetch.done).rejects.toThrow(/shorter/);
  });
});
