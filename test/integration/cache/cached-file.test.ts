// What the media handler opens: the share is asked for a file's fingerprint once per play,
// a file gone from the share is forgotten, and a share away serves only what is cached.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkCache } from '../../../src/main/core/cache/chunk-cache.ts';
import type { ShareStat } from '../../../src/main/core/cache/share-io.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';
import { EventBus } from '../../../src/main/core/events/bus.ts';
import { FlakyShare } from '../../support/flaky-share.ts';
import { catalogWriter, recordRootState } from '../../support/local-cache.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';
import { tempDir } from '../../support/temp.ts';

const KB = 1024;

class CountingShare extends FlakyShare {
  stats = 0;
  override async stat(path: string): Promise<ShareStat> {
    this.stats++;
    return super.stat(path);
  }
}

describe('cached files', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: CatalogWriter;
  let share: CountingShare;
  let cache: ChunkCache;
  let rootId: number;
  let music: string;

  const open = (name: string) =>
    cache.open(join(music, name), rootId, catalog.cache.rootState(rootId)!, performance.now());
  const readAll = async (name: string) => {
    const file = await open(name);
    const parts: Uint8Array[] = [];
    for await (const part of file!.source.stream(0, file!.size - 1, new AbortController().signal)) parts.push(part);
    return Buffer.concat(parts);
  };

  beforeEach(() => {
    dir = tempDir();
    music = join(dir.path, 'share');
    mkdirSync(music);
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    rootId = new RootWrites(catalog.db).add(music, 'network').id;
    share = new CountingShare(0, 50);
    const bus = new EventBus();
    writer = catalogWriter(catalog);
    cache = new ChunkCache({
      catalog,
      writes: writer.write,
      bus,
      reportRoot: recordRootState(catalog, bus),
      dir: join(dir.path, 'cache'),
      share,
      shareTimeoutMs: 1000,
      probeIntervalMs: 60_000,
      config: () => ({
        chunkBytes: 64 * KB,
        lookaheadChunks: 0,
        backgroundFill: false,
        prefetchNext: false,
        maxBytes: 1e9,
      }),
    });
  });
  afterEach(async () => {
    await cache.close();
    await writer.close();
    catalog.close();
    dir.cleanup();
  });

  it('checks the fingerprint once for a play, not again for its seeks', async () => {
    writeFileSync(join(music, 'a.flac'), randomBytes(300 * KB));
    cache.hint({ path: join(music, 'a.flac'), rootId }, null);
    const file = await open('a.flac');
    expect(file!.size).toBe(300 * KB);
    const before = share.stats;
    expect(await open('a.flac')).not.toBeNull();
    expect(await open('a.flac')).not.toBeNull();
    expect(share.stats).toBe(before);
  });

  it('answers null for a file gone from the share, and forgets what it cached of it', async () => {
    writeFileSync(join(music, 'b.flac'), randomBytes(300 * KB));
    const file = await open('b.flac');
    for await (const part of file!.source.stream(0, KB - 1, new AbortController().signal)) expect(part.length).toBe(KB);
    await cache.idle();
    expect(catalog.cache.entryByPath(join(music, 'b.flac'))).not.toBeNull();
    rmSync(join(music, 'b.flac'));
    expect(await open('b.flac')).toBeNull();
    await cache.idle();
    expect(catalog.cache.entryByPath(join(music, 'b.flac'))).toBeNull();
  });

  it('while the share is away, serves what is cached and answers null for the rest', async () => {
    const data = randomBytes(100 * KB);
    writeFileSync(join(music, 'cached.flac'), data);
    writeFileSync(join(music, 'never.flac'), randomBytes(100 * KB));
    await readAll('cached.flac');
    await cache.idle();
    share.offline = true;
    expect(await open('never.flac')).toBeNull();
    expect(cache.stats().offlineRoots).toEqual([music]);
    expect((await readAll('cached.flac')).equals(data)).toBe(true);
  });
});
