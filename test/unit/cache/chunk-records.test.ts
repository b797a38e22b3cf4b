// Chunks written are told to the catalog in batches: at once when a batch is full, else a
// moment later; an entry dropped meanwhile takes its pending rows with it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChunkRecord } from '../../../src/main/core/catalog/cache.ts';
import type { Catalog } from '../../../src/main/core/catalog/index.ts';
import { ChunkRecords } from '../../../src/main/core/cache/chunk-records.ts';

function fakeCatalog() {
  const batches: { chunks: ChunkRecord[]; touches: Map<number, number> }[] = [];
  const catalog = {
    cache: { record: (chunks: ChunkRecord[], touches: Map<number, number>) => batches.push({ chunks, touches }) },
  } as unknown as Catalog;
  return { catalog, batches };
}

const chunk = (entryId: number, index: number): ChunkRecord => ({ entryId, index, start: index * 10, bytes: 10 });

describe('ChunkRecords', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('records a batch a moment after its first chunk, in one call', () => {
    const { catalog, batches } = fakeCatalog();
    const records = new ChunkRecords(catalog);
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
    const { catalog, batches } = fakeCatalog();
    const records = new ChunkRecords(catalog);
    for (let i = 0; i < 64; i++) records.chunkWritten(chunk(1, i), i);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.chunks).toHaveLength(64);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets what is pending for a dropped entry', () => {
    const { catalog, batches } = fakeCatalog();
    const records = new ChunkRecords(catalog);
    records.chunkWritten(chunk(1, 0), 1);
    records.chunkWritten(chunk(2, 0), 2);
    records.forget(1);
    records.flush();
    expect(batches[0]!.chunks).toEqual([chunk(2, 0)]);
    expect([...batches[0]!.touches.keys()]).toEqual([2]);
  });

  it('writes what is pending on close and leaves no timer behind', () => {
    const { catalog, batches } = fakeCatalog();
    const records = new ChunkRecords(catalog);
    records.chunkWritten(chunk(1, 0), 1);
    records.close();
    expect(batches).toHaveLength(1);
    records.used(1, 2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps going when the catalog refuses a batch', () => {
    const catalog = {
      cache: {
        record: () => {
          throw new Error('disk I/O error');
        },
      },
    } as unknown as Catalog;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const records = new ChunkRecords(catalog);
    records.chunkWritten(chunk(1, 0), 1);
    expect(() => records.flush()).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
