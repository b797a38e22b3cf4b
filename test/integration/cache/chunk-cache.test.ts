// The chunk cache over a share the test controls (FlakyShare): correct bytes, invalidation on
// a changed source, LRU eviction within the bound, offline mid-track, a full disk.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChunkCache, type CacheConfig } from '../../../src/main/core/cache/chunk-cache.ts';
import { ChunkFiles } from '../../../src/main/core/cache/chunk-files.ts';
import { ThreadShareIo } from '../../../src/main/core/cache/share-io.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { EventBus } from '../../../src/main/core/events/bus.ts';
import { FlakyShare } from '../../support/flaky-share.ts';
import { PARSER_ENTRY } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';
import { stepReader } from '../../support/stream-reader.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';
import { catalogWriter, recordRootState } from '../../support/local-cache.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';

const KB = 1024;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** Byte-for-byte equality without a diff of megabytes when it fails. */
function same(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length, 'length').toBe(expected.length);
  expect(Buffer.from(actual).equals(expected), 'the bytes differ').toBe(true);
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('chunk cache', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: CatalogWriter;
  let bus: EventBus;
  let share: FlakyShare;
  let cache: ChunkCache;
  let rootId: number;
  let config: CacheConfig;
  let music: string;

  const make = (options: { files?: ChunkFiles } = {}) =>
    new ChunkCache({
      catalog,
      writes: writer.write,
      bus,
      reportRoot: recordRootState(catalog, bus),
      dir: join(dir.path, 'cache'),
      config: () => config,
      share,
      shareTimeoutMs: 1000,
      probeIntervalMs: 50,
      ...options,
    });
  const open = async (name: string) => {
    const root = catalog.cache.rootState(rootId)!;
    const file = await cache.open(join(music, name), rootId, root, performance.now());
    if (!file) throw new Error(`cannot open ${name}`);
    return file;
  };
  const read = async (name: string, start: number, end: number) =>
    readAll((await open(name)).source.stream(start, end, new AbortController().signal));
  const source = (name: string, bytes: number) => {
    const data = randomBytes(bytes);
    writeFileSync(join(music, name), data);
    return data;
  };

  beforeEach(() => {
    dir = tempDir();
    music = join(dir.path, 'share');
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    writer = catalogWriter(catalog);
    bus = new EventBus();
    share = new FlakyShare();
    config = { chunkBytes: 64 * KB, lookaheadChunks: 2, backgroundFill: false, prefetchNext: true, maxBytes: 1e9 };
    mkdirSync(music);
    rootId = new RootWrites(catalog.db).add(music, 'network').id;
    cache = make();
  });
  afterEach(async () => {
    await cache.close();
    await writer.close();
    catalog.close();
    dir.cleanup();
  });

  it('serves the exact bytes of any range, and the second time from disk', async () => {
    const data = source('a.flac', 300 * KB + 17);
    same(await read('a.flac', 0, data.length - 1), data);
    same(await read('a.flac', 100_000, 200_000), data.subarray(100_000, 200_001));
    await cache.idle();
    const stats = cache.stats();
    expect(stats.entries).toBe(1);
    expect(stats.bytesCached).toBe(data.length);
    expect(catalog.db.prepare('SELECT count(*) FROM cache_chunks').pluck().get()).toBe(5);
    const readsBefore = share.reads.length;
    same(await read('a.flac', 0, data.length - 1), data);
    expect(share.reads.length).toBe(readsBefore);
    expect(cache.stats().hitRate).toBeGreaterThan(0.5);
  });

  it('reads the share through its own threads', async () => {
    await cache.close();
    cache = new ChunkCache({
      catalog,
      writes: writer.write,
      bus,
      reportRoot: recordRootState(catalog, bus),
      dir: join(dir.path, 'cache'),
      config: () => config,
      share: new ThreadShareIo(2, PARSER_ENTRY),
    });
    const data = source('t.flac', 700 * KB + 3);
    same(await read('t.flac', 0, data.length - 1), data);
    same(await read('t.flac', 333_333, 555_555), data.subarray(333_333, 555_556));
    await cache.idle();
    expect(cache.stats().bytesCached).toBe(data.length);
  });

  it('fetches a lookahead window ahead of the reader, and the rest in the background when asked', async () => {
    const data = source('b.flac', 640 * KB);
    // A player holds its stream open and reads as it plays: here, not past the start.
    const reader = (await open('b.flac')).source.stream(0, data.length - 1, new AbortController().signal).getReader();
    const { value } = await reader.read();
    same(value!, data.subarray(0, value!.length));
    await until(() => cache.stats().bytesCached >= 3 * 64 * KB);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The chunks read and a lookahead of two past them (the stream may have pulled one chunk
    // ahead of what was read): no more, since background fill is off.
    expect(cache.stats().bytesCached).toBeLessThanOrEqual(4 * 64 * KB);
    await reader.cancel();
    config = { ...config, backgroundFill: true };
    cache.hint({ path: join(music, 'b.flac'), rootId }, null);
    await until(() => cache.stats().bytesCached === data.length);
  });

  it('prefetches the start of the next queued track', async () => {
    source('now.flac', 128 * KB);
    source('next.flac', 5 * 1024 * KB);
    cache.hint({ path: join(music, 'now.flac'), rootId }, { path: join(music, 'next.flac'), rootId });
    // 4 MB of the next track: enough to start it without waiting on the share.
    await until(() => cache.stats().bytesCached >= 4 * 1024 * KB);
    const readsBefore = share.reads.length;
    await read('next.flac', 0, 4 * 1024 * KB - 1);
    expect(share.reads.slice(readsBefore).every((r) => r.position >= 4 * 1024 * KB)).toBe(true);
  });

  it('drops an entry when the source file changes size or mtime', async () => {
    const first = source('c.flac', 200 * KB);
    same(await read('c.flac', 0, first.length - 1), first);
    await cache.idle();
    const [entryBefore] = catalog.db.prepare('SELECT id FROM cache_entries').pluck().all() as number[];

    // Same size, new content and mtime.
    const second = randomBytes(first.length);
    writeFileSync(join(music, 'c.flac'), second);
    utimesSync(join(music, 'c.flac'), new Date(), new Date(Date.now() + 5000));
    // A wholly cached file is served at once and checked alongside: the first read may still
    // see the old bytes and then fails; the retry (as a player makes) gets the new file.
    const retried = async (length: number) => {
      try {
        return await read('c.flac', 0, length - 1);
      } catch (err) {
        expect((err as Error).message).toMatch(/changed/);
        return read('c.flac', 0, length - 1);
      }
    };
    same(await retried(second.length), second);
    // New size, same mtime.
    const third = source('c.flac', 150 * KB);
    utimesSync(join(music, 'c.flac'), new Date(), new Date(Date.now() + 5000));
    await cache.idle();
    same(await retried(third.length), third);
    await cache.idle();
    const entries = catalog.db.prepare('SELECT id FROM cache_entries').pluck().all() as number[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).not.toBe(entryBefore);
    expect(existsSync(join(dir.path, 'cache', `e${entryBefore}`))).toBe(false);
    expect(cache.stats().bytesCached).toBe(third.length);
  });

  it('evicts least recently used entries to stay within its bound, never the playing or next track', async () => {
    config = { ...config, lookaheadChunks: 0, maxBytes: 300 * KB };
    for (const name of ['1', '2', '3', '4', '5']) source(`${name}.flac`, 96 * KB);
    cache.hint({ path: join(music, '1.flac'), rootId }, { path: join(music, '2.flac'), rootId });
    for (const name of ['1', '2', '3', '4']) {
      await read(`${name}.flac`, 0, 96 * KB - 1);
      await cache.idle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // 4 × 96 KB > 300 KB: 3.flac (least recently used and not protected) went first.
    await cache.flush();
    const cached = () =>
      (catalog.db.prepare('SELECT path FROM cache_entries ORDER BY id').pluck().all() as string[]).map((p) =>
        p.slice(music.length + 1),
      );
    expect(cache.stats().bytesCached).toBeLessThanOrEqual(300 * KB);
    expect(cached()).toEqual(['1.flac', '2.flac', '4.flac']);
    await read('5.flac', 0, 96 * KB - 1);
    await cache.idle();
    expect(cached()).toEqual(['1.flac', '2.flac', '5.flac']);
    expect(cache.stats().bytesCached).toBeLessThanOrEqual(300 * KB);
    const onDisk = readdirSync(join(dir.path, 'cache')).sort();
    expect(onDisk).toHaveLength(3);
  });

  it('keeps playing the cached part when the share goes offline mid-track, and resumes when it returns', async () => {
    config = { ...config, lookaheadChunks: 4 };
    const data = source('d.flac', 16 * 64 * KB);
    const changes: boolean[] = [];
    bus.on('library.changed', () => changes.push(catalog.roots.get(rootId)!.online));
    const file = await open('d.flac');
    const { take, bytes } = stepReader(file.source.stream(0, data.length - 1, new AbortController().signal));
    await take(64 * KB);
    await until(() => cache.stats().bytesCached >= 5 * 64 * KB);
    share.offline = true;
    // Chunks 1–4 are cached: they play with the share gone.
    const started = Date.now();
    await take(5 * 64 * KB);
    expect(Date.now() - started).toBeLessThan(200);
    // The next read needs the share: it waits, the root is marked offline and announced.
    const rest = take(data.length);
    await until(() => catalog.roots.get(rootId)!.online === false);
    expect(changes).toContain(false);
    expect(cache.stats().offlineRoots).toEqual([music]);
    expect(cache.stats().warning).toMatch(/offline/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    share.offline = false;
    await rest;
    same(bytes(), data);
    expect(catalog.roots.get(rootId)!.online).toBe(true);
    expect(changes.at(-1)).toBe(true);
  });

  it('serves a cached track while its share is offline, and only what it holds', async () => {
    const data = source('e.flac', 128 * KB);
    await read('e.flac', 0, data.length - 1);
    new RootWrites(catalog.db).setOnline(rootId, false, 'unreachable');
    share.offline = true;
    same(await read('e.flac', 0, data.length - 1), data);
    source('never.flac', 10 * KB);
    expect(await cache.open(join(music, 'never.flac'), rootId, catalog.cache.rootState(rootId)!, 0)).toBeNull();
  });

  it('plays from the share with a warning when the disk is full', async () => {
    await cache.close();
    class FullDisk extends ChunkFiles {
      override async write(): Promise<void> {
        throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
      }
    }
    cache = make({ files: new FullDisk(join(dir.path, 'cache')) });
    const data = source('f.flac', 300 * KB);
    same(await read('f.flac', 0, data.length - 1), data);
    same(await read('f.flac', 0, data.length - 1), data);
    expect(cache.stats().bytesCached).toBe(0);
    expect(cache.stats().warning).toMatch(/disk .* is full/);
  });

  it('forgets a recorded chunk whose file is gone, and fetches it again', async () => {
    const data = source('g.flac', 128 * KB);
    await read('g.flac', 0, data.length - 1);
    await cache.idle();
    const id = catalog.db.prepare('SELECT id FROM cache_entries').pluck().get() as number;
    writeFileSync(join(dir.path, 'cache', `e${id}`, '1.chunk'), 'short');
    same(await read('g.flac', 0, data.length - 1), data);
    await cache.idle();
    same(readFileSync(join(dir.path, 'cache', `e${id}`, '1.chunk')), data.subarray(64 * KB));
  });
});
