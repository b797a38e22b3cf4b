// A chunk cache over a local folder standing in for the share, with no delay: for tests
// about what the cache keeps on disk rather than how it meets a slow network.
import { ChunkCache, type CacheConfig } from '../../src/main/core/cache/chunk-cache.ts';
import type { CacheWrites } from '../../src/main/core/catalog/cache-writes.ts';
import type { Catalog } from '../../src/main/core/catalog/index.ts';
import { RootWrites } from '../../src/main/core/catalog/roots.ts';
import { CatalogWriter } from '../../src/main/core/catalog/writer-thread.ts';
import { EventBus } from '../../src/main/core/events/bus.ts';
import { PARSER_ENTRY } from './core.ts';
import { FlakyShare } from './flaky-share.ts';

/** The catalog's writer thread, as a core has it: a cache made without a core writes through it. */
export function catalogWriter(catalog: Catalog): CatalogWriter {
  return new CatalogWriter(PARSER_ENTRY, catalog.path, () => {});
}

/**
 * Where a cache without a core reports a share gone or back: straight into the test's
 * catalog (the core's RootStatus writes through the writer thread instead).
 */
export function recordRootState(catalog: Catalog, bus: EventBus) {
  return (rootId: number, online: boolean, reason: string | null): void => {
    new RootWrites(catalog.db).setOnline(rootId, online, reason);
    bus.emit('library.changed', catalog.changes.appendStructural());
  };
}

export function localCache(
  catalog: Catalog,
  writes: CacheWrites,
  dir: string,
  config: Partial<CacheConfig>,
): ChunkCache {
  const whole: CacheConfig = {
    chunkBytes: 64 * 1024,
    lookaheadChunks: 0,
    backgroundFill: false,
    prefetchNext: false,
    maxBytes: 1e9,
    ...config,
  };
  const bus = new EventBus();
  const reportRoot = recordRootState(catalog, bus);
  return new ChunkCache({ catalog, writes, bus, dir, share: new FlakyShare(0), reportRoot, config: () => whole });
}

/** Every byte of a cached file, read through the cache from start to end. */
export async function readThrough(cache: ChunkCache, file: string, rootId: number, catalog: Catalog): Promise<Buffer> {
  const opened = await cache.open(file, rootId, catalog.cache.rootState(rootId)!, performance.now());
  const parts: Uint8Array[] = [];
  for await (const part of opened!.source.stream(0, opened!.size - 1, new AbortController().signal)) parts.push(part);
  return Buffer.concat(parts);
}
