// A track's bytes as the media handler streams them: a short first read, then larger ones
// bounded by the chunk; each stream lets go of what it holds (its reader count, its listener
// on the request's signal) however it ends.
import { randomBytes } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChunkCache } from '../../../src/main/core/cache/chunk-cache.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';
import { catalogWriter, localCache } from '../../support/local-cache.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';
import { tempDir } from '../../support/temp.ts';

const KB = 1024;

describe('cache streams', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: CatalogWriter;
  let cache: ChunkCache;
  let rootId: number;
  let music: string;

  const open = async (name: string) => {
    const file = await cache.open(join(music, name), rootId, catalog.cache.rootState(rootId)!, performance.now());
    if (!file) throw new Error(`cannot open ${name}`);
    return file;
  };

  beforeEach(() => {
    dir = tempDir();
    music = join(dir.path, 'share');
    mkdirSync(music);
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    rootId = new RootWrites(catalog.db).add(music, 'network').id;
    writer = catalogWriter(catalog);
    cache = localCache(catalog, writer.write, join(dir.path, 'cache'), { chunkBytes: 1024 * KB });
  });
  afterEach(async () => {
    await cache.close();
    await writer.close();
    catalog.close();
    dir.cleanup();
  });

  it('from disk answers a short first read, then reads of up to 512 KB that never cross a chunk', async () => {
    const data = randomBytes(2500 * KB);
    writeFileSync(join(music, 'a.flac'), data);
    const readAll = async () => {
      const parts: Uint8Array[] = [];
      const file = await open('a.flac');
      for await (const part of file.source.stream(0, data.length - 1, new AbortController().signal)) parts.push(part);
      expect(Buffer.concat(parts).equals(data)).toBe(true);
      return parts.map((part) => part.length);
    };
    // From the share, bytes come as the pieces of the fetch arrive: the first one alone.
    expect((await readAll())[0]).toBe(16 * KB);
    await cache.idle();
    const sizes = await readAll();
    expect(sizes.slice(0, 4)).toEqual([64 * KB, 512 * KB, 448 * KB, 512 * KB]);
    expect(Math.max(...sizes)).toBe(512 * KB);
  });

  it('lets go of its listener on the signal when it ends, is cancelled, or is aborted', async () => {
    writeFileSync(join(music, 'b.flac'), randomBytes(200 * KB));
    const file = await open('b.flac');

    const ended = new AbortController();
    for await (const part of file.source.stream(0, 100 * KB - 1, ended.signal)) expect(part.length).toBeGreaterThan(0);
    expect(getEventListeners(ended.signal, 'abort')).toHaveLength(0);

    const cancelled = new AbortController();
    const reader = file.source.stream(0, 200 * KB - 1, cancelled.signal).getReader();
    await reader.read();
    await reader.cancel();
    expect(getEventListeners(cancelled.signal, 'abort')).toHaveLength(0);

    const aborted = new AbortController();
    const stream = file.source.stream(0, 200 * KB - 1, aborted.signal).getReader();
    await stream.read();
    aborted.abort(new Error('the player moved on'));
    await expect(stream.read()).rejects.toThrow('the player moved on');
    expect(getEventListeners(aborted.signal, 'abort')).toHaveLength(0);
  });
});
