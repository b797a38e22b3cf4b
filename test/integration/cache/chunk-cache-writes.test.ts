// The chunk cache writes its rows only through the catalog's writer thread: a play from a
// share, with an eviction, a damaged chunk, a changed file and a clear, leaves the main
// connection without a single row change. A write there would wait behind an import's
// transaction, up to busy_timeout, on the event loop that is serving the play.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkCache } from '../../../src/main/core/cache/chunk-cache.ts';
import { openCatalog } from '../../../src/main/core/catalog/index.ts';
import { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';
import { EventBus } from '../../../src/main/core/events/bus.ts';
import { PARSER_ENTRY } from '../../support/core.ts';
import { FlakyShare } from '../../support/flaky-share.ts';
import { readThrough } from '../../support/local-cache.ts';
import { tempDir } from '../../support/temp.ts';

const KB = 1024;

describe('the chunk cache and the catalog writer', () => {
  it('changes no row on the main connection while it plays, evicts, forgets and clears', async () => {
    const dir = tempDir();
    const music = join(dir.path, 'share');
    mkdirSync(music);
    const catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    const changesOnMain = () => catalog.db.prepare('SELECT total_changes()').pluck().get() as number;
    const afterOpen = changesOnMain();
    const writer = new CatalogWriter(PARSER_ENTRY, catalog.path, () => {});
    const rootId = (await writer.write.addRoot(music, 'network')).id;
    const cache = new ChunkCache({
      catalog,
      writes: writer.write,
      bus: new EventBus(),
      dir: join(dir.path, 'cache'),
      share: new FlakyShare(0),
      reportRoot: () => {},
      config: () => ({
        chunkBytes: 64 * KB,
        lookaheadChunks: 0,
        backgroundFill: false,
        prefetchNext: false,
        maxBytes: 300 * KB,
      }),
    });
    const path = (name: string) => join(music, `${name}.flac`);
    const play = (name: string) => readThrough(cache, path(name), rootId, catalog);
    const cachedPaths = () =>
      (catalog.db.prepare('SELECT path FROM cache_entries ORDER BY id').pluck().all() as string[]).map((p) =>
        p.slice(music.length + 1),
      );
    try {
      const sources = new Map(['1', '2', '3', '4'].map((name) => [name, randomBytes(96 * KB)]));
      for (const [name, data] of sources) writeFileSync(path(name), data);
      cache.hint({ path: path('1'), rootId }, { path: path('2'), rootId });
      for (const [name, data] of sources) {
        expect((await play(name)).equals(data), name).toBe(true);
        await cache.idle();
      }
      // 4 × 96 KB > 300 KB: 3, the least recently used of those not playing or next, went.
      expect(cachedPaths()).toEqual(['1.flac', '2.flac', '4.flac']);

      const id4 = catalog.cache.entryByPath(path('4'))!.id;
      writeFileSync(join(dir.path, 'cache', `e${id4}`, '1.chunk'), 'short');
      expect((await play('4')).equals(sources.get('4')!)).toBe(true);
      await cache.idle();
      const refetched = readFileSync(join(dir.path, 'cache', `e${id4}`, '1.chunk'));
      expect(refetched.equals(sources.get('4')!.subarray(64 * KB))).toBe(true);

      const changed = randomBytes(64 * KB);
      writeFileSync(path('4'), changed);
      utimesSync(path('4'), new Date(), new Date(Date.now() + 5000));
      // A replay is served at once and checked alongside: it fails once, and the retry gets the new file.
      const replayed = await play('4').catch(() => play('4'));
      expect(replayed.equals(changed)).toBe(true);
      await cache.idle();
      expect(catalog.cache.entryByPath(path('4'))!.id).not.toBe(id4);

      cache.hint(null, null);
      await cache.clear();
      await cache.idle();
      expect(cachedPaths()).toEqual([]);
      expect(cache.stats()).toMatchObject({ entries: 0, bytesCached: 0 });
      expect(changesOnMain()).toBe(afterOpen);
    } finally {
      await cache.close();
      await writer.close();
      catalog.close();
      dir.cleanup();
    }
  });
});
