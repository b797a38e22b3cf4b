// The chunk cache over the real share of ../shared/nas (sshfs behind a shaping relay): the
// share drops off mid-track, the cached lookahead keeps playing, the root is marked offline,
// and when the share returns fetching resumes and the track plays to its end.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChunkCache } from '../../../src/main/core/cache/chunk-cache.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { EventBus } from '../../../src/main/core/events/bus.ts';
import { Nas, noNasReason } from '../../support/nas.ts';
import { tempDir } from '../../support/temp.ts';
import { stepReader } from '../../support/stream-reader.ts';
import { PARSER_ENTRY } from '../../support/core.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';
import { catalogWriter, recordRootState } from '../../support/local-cache.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';

const KB = 1024;

describe.skipIf(noNasReason !== null)('chunk cache over a real share that drops off', () => {
  const dir = tempDir();
  const nas = new Nas(join(dir.path, 'nas-state'));
  const mount = join(dir.path, 'mnt');
  let catalog: Catalog;
  let writer: CatalogWriter;
  let cache: ChunkCache;
  let data: Buffer;

  beforeAll(() => {
    const exportDir = join(dir.path, 'export');
    mkdirSync(exportDir);
    data = randomBytes(3 * 1024 * KB);
    writeFileSync(join(exportDir, 'track.flac'), data);
    nas.up(exportDir, mount, 4, 200);
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    writer = catalogWriter(catalog);
    cache = new ChunkCache({
      catalog,
      writes: writer.write,
      bus: new EventBus(),
      reportRoot: recordRootState(catalog, new EventBus()),
      dir: join(dir.path, 'cache'),
      threadEntry: PARSER_ENTRY,
      shareTimeoutMs: 3000,
      probeIntervalMs: 250,
      config: () => ({
        chunkBytes: 128 * KB,
        lookaheadChunks: 6,
        backgroundFill: false,
        prefetchNext: false,
        maxBytes: 1e9,
      }),
    });
  });
  afterAll(async () => {
    await cache?.close();
    await writer?.close();
    catalog?.close();
    nas.down();
    dir.cleanup();
  });

  it('keeps playing what is cached, marks the root offline, and resumes when the share returns', async () => {
    const rootId = new RootWrites(catalog.db).add(mount, 'network').id;
    const opened = await cache.open(join(mount, 'track.flac'), rootId, catalog.cache.rootState(rootId)!, 0);
    const { take, bytes } = stepReader(opened!.source.stream(0, data.length - 1, new AbortController().signal));
    await take(128 * KB);
    // The chunk being read and six ahead of it.
    const deadline = Date.now() + 10_000;
    while (cache.stats().bytesCached < 7 * 128 * KB && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(cache.stats().bytesCached).toBeGreaterThanOrEqual(7 * 128 * KB);

    nas.offline();
    const started = Date.now();
    await take(6 * 128 * KB);
    expect(Date.now() - started, 'the cached part plays with the share gone').toBeLessThan(500);
    const rest = take(data.length);
    while (catalog.roots.get(rootId)!.online && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(catalog.roots.get(rootId)!.online).toBe(false);
    expect(cache.stats().offlineRoots).toEqual([mount]);

    nas.online();
    await rest;
    expect(bytes().equals(data), 'the whole track, intact').toBe(true);
    expect(catalog.roots.get(rootId)!.online).toBe(true);
  }, 60_000);
});
