// Chunks written are told to the catalog's writer in batches: at once when a batch is full,
// else a moment later; an entry dropped meanwhile takes its pending rows with it, and a use
// the writer has not yet answered still counts as recent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChunkRecord } from '../../../src/main/core/catalog/cache.ts';
import { ChunkRecords } from '../../../src/main/core/cache/chunk-records.ts';

function fakeWriter() {
  const batches: { chunks: readonly ChunkRecord[]; touches: ReadonlyMap<number, number> }[] = [];
  const answers: (() => void)[] = [];
  let held = false;
  const writes = {
    recordCacheChunks: (chunks: readonly ChunkRecord[], touches: ReadonlyMap<number, number>) => {
      batches.push({ chunks, touches });
      return held ? new Promise<null>((resolve) => answers.push(() => resolve(null))) : Promise.resolve(null);
    },
  };
  return { writes, batches, answers, hold: () => (held = true) };
}

const chunk = (entryId: number, index: number): ChunkRecord => ({ entryId, index, start: index * 10, bytes: 10 });

describe('ChunkRecords', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('records a batch a moment after its first chunk, in one call', () => {
    const { writes, batches } = fakeWriter();
    const records = new ChunkRecords(writes);
    records.chunkWritten(chunk(1, 0), 100);
    records.chunkWritten(chunk(1, 1), 200);
    records.used(2, 300);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.chunks).toEqual([chunk(1, 0), chunk(1, 1)]);
    expect([...batches[0]!.touches]).toEqual([
      [1, 200],
      [2, 300],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('records at once when a batch is full', () => {
    const { writes, batches } = fakeWriter();
    const records = new ChunkRecords(writes);
    for (let i = 0; i < 64; i++) records.chunkWritten(chunk(1, i), i);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.chunks).toHaveLength(64);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets what is pending for a dropped entry', async () => {
    const { writes, batches } = fakeWriter();
    const records = new ChunkRecords(writes);
    records.chunkWritten(chunk(1, 0), 1);
    records.chunkWritten(chunk(2, 0), 2);
    records.forget(1);
    await records.flush();
    expect(batches[0]!.chunks).toEqual([chunk(2, 0)]);
    expect([...batches[0]!.touches.keys()]).toEqual([2]);
  });

  it('writes what is pending on close and leaves no timer behind', async () => {
    const { writes, batches } = fakeWriter();
    const records = new ChunkRecords(writes);
    records.chunkWritten(chunk(1, 0), 1);
    await records.close();
    expect(batches).toHaveLength(1);
    records.used(1, 2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a use as recent until the writer has answered for it, and a flush waits for that', async () => {
    const { writes, answers, hold } = fakeWriter();
    hold();
    const records = new ChunkRecords(writes);
    records.used(1, 5);
    expect(records.usedLately(1)).toBe(true);
    let written = false;
    const flushed = records.flush().then(() => (written = true));
    expect(records.usedLately(1)).toBe(true);
    expect(records.usedLately(2)).toBe(false);
    // Nothing new to send: a second flush waits for the batch already sent.
    const again = records.flush();
    await Promise.resolve();
    expect(written).toBe(false);
    answers[0]!();
    await flushed;
    await again;
    expect(records.usedLately(1)).toBe(false);
  });

  it('keeps going when the writer refuses a batch, and says so once', async () => {
    const writes = { recordCacheChunks: () => Promise.reject(new Error('database or disk is full')) };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const records = new ChunkRecords(writes);
    records.chunkWritten(chunk(1, 0), 1);
    await expect(records.flush()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    expect(records.usedLately(1)).toBe(false);
    error.mockRestore();
  });
});
