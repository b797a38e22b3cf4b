// A chunk cache over a local folder standing in for the share, with no delay: for tests
// about what the cache keeps on disk rather than how it meets a slow network.
import { ChunkCache, type CacheConfig } from '../../src/main/core/cache/chunk-cache.ts';
import type { Catalog } from '../../src/main/core/catalog/index.ts';
import { EventBus } from '../../src/main/core/events/bus.ts';
import { FlakyShare } from './flaky-share.ts';

export function localCache(catalog: Catalog, dir: string, config: Partial<CacheConfig>): ChunkCache {
  const whole: CacheConfig = {
    chunkBytes: 64 * 1024,
    lookaheadChunks: 0,
    backgroundFill: false,
    prefetchNext: false,
    maxBytes: 1e9,
    ...config,
  };
  return new ChunkCache({ catalog, bus: new EventBus(), dir, share: new FlakyShare(0), config: () => whole });
}

/** Every byte of a cached file, read through the cache from start to end. */
export async function readThrough(cache: ChunkCache, file: string, rootId: number, catalog: Catalog): Promise<Buffer> {
  const opened = await cache.open(file, rootId, catalog.cache.rootState(rootId)!, performance.now());
  const parts: Uint8Array[] = [];
  for await (const part of opened!.source.stream(0, opened!.size - 1, new AbortController().signal)) parts.push(part);
  return Buffer.concat(parts);
}
