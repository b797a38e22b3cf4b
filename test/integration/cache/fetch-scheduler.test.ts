// The fetch scheduler over a share whose reads the test answers one by one: the first bytes
// of a start go alone, then few reads at a time; the plan fills in ahead of a reader; a share
// that fails is reported away and nothing more is asked of it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheEntries } from '../../../src/main/core/cache/cache-entries.ts';
import type { CacheEntry } from '../../../src/main/core/cache/cache-entry.ts';
import { ChunkFiles } from '../../../src/main/core/cache/chunk-files.ts';
import { ChunkRecords } from '../../../src/main/core/cache/chunk-records.ts';
import { DEMAND, LOOKAHEAD } from '../../../src/main/core/cache/chunk-fetch.ts';
import { FetchScheduler } from '../../../src/main/core/cache/fetch-scheduler.ts';
import { ShareOpener } from '../../../src/main/core/cache/share-file.ts';
import { ShareHealth } from '../../../src/main/core/cache/share-health.ts';
import type { ShareIo } from '../../../src/main/core/cache/share-io.ts';
import { openCatalog, type Catalog } from '../../../src/main/core/catalog/index.ts';
import { RootWrites } from '../../../src/main/core/catalog/roots.ts';
import type { CatalogWriter } from '../../../src/main/core/catalog/writer-thread.ts';
import { catalogWriter } from '../../support/local-cache.ts';
import { tempDir } from '../../support/temp.ts';

const KB = 1024;
const CHUNK = 128 * KB;

type Read = { position: number; length: number; answer(): void; fail(code: string): void };

class HeldShare implements ShareIo {
  readonly pending: Read[] = [];
  async stat(): Promise<never> {
    throw new Error('not asked');
  }
  async open(): Promise<number> {
    return 3;
  }
  read(_fd: number, position: number, length: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const read: Read = {
        position,
        length,
        answer: () => {
          this.pending.splice(this.pending.indexOf(read), 1);
          resolve(new Uint8Array(length));
        },
        fail: (code) => {
          this.pending.splice(this.pending.indexOf(read), 1);
          reject(Object.assign(new Error(code), { code }));
        },
      };
      this.pending.push(read);
    });
  }
  close(): void {}
  async dispose(): Promise<void> {}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('fetch scheduler', () => {
  let dir: ReturnType<typeof tempDir>;
  let catalog: Catalog;
  let writer: CatalogWriter;
  let share: HeldShare;
  let records: ChunkRecords;
  let health: ShareHealth;
  let entries: CacheEntries;
  let fetches: FetchScheduler;
  let reports: [number, boolean][];
  let config: { lookaheadChunks: number; backgroundFill: boolean; prefetchNext: boolean };
  let rootId: number;

  const entry = (name: string, chunks: number): Promise<CacheEntry> =>
    entries.entryFor(join(dir.path, name), rootId, { size: chunks * CHUNK, mtimeNs: 1n });
  const inFlight = () => share.pending.map((r) => r.position);

  beforeEach(() => {
    dir = tempDir();
    catalog = openCatalog(join(dir.path, 'catalog.sqlite'));
    rootId = new RootWrites(catalog.db).add(dir.path, 'network').id;
    share = new HeldShare();
    reports = [];
    config = { lookaheadChunks: 0, backgroundFill: false, prefetchNext: false };
    writer = catalogWriter(catalog);
    records = new ChunkRecords(writer.write);
    health = new ShareHealth({
      share,
      timeoutMs: 1000,
      probeIntervalMs: 60_000,
      reportRoot: (id, online) => reports.push([id, online]),
      onOffline: (id) => entries.closeFiles(id),
      onOnline: () => fetches.pump(),
    });
    entries = new CacheEntries({
      catalog,
      writes: writer.write,
      files: new ChunkFiles(join(dir.path, 'cache')),
      records,
      chunkBytes: () => CHUNK,
      maxBytes: () => 1e9,
      fetching: (id) => fetches.fetching(id),
      onDrop: (e) => fetches.cancel(e.id),
    });
    fetches = new FetchScheduler({
      catalog,
      share,
      timeoutMs: 1000,
      entries,
      health,
      opener: new ShareOpener(share, 1000),
      config: () => config,
    });
  });
  afterEach(async () => {
    for (const read of [...share.pending]) read.answer();
    await fetches.close();
    entries.close();
    health.close();
    await records.close();
    await entries.settled();
    await writer.close();
    catalog.close();
    dir.cleanup();
  });

  it("puts a start's first bytes on the link alone, then at most two reads at a time", async () => {
    const track = await entry('a.flac', 2);
    const fetch = fetches.fetchFor(track, 0, DEMAND, 40 * KB);
    fetch.want(40 * KB, DEMAND, true);
    fetches.pump();
    await settle();
    expect(inFlight()).toEqual([40 * KB]);
    share.pending[0]!.answer();
    await settle();
    expect(inFlight()).toEqual([56 * KB, 64 * KB]);
    while (share.pending.length) {
      expect(share.pending.length).toBeLessThanOrEqual(2);
      share.pending[0]!.answer();
      await settle();
    }
    await fetch.done;
    await settle();
    expect(track.has(0)).toBe(true);
    expect(track.has(1)).toBe(false);
    expect(fetches.size).toBe(0);
  });

  it('fetches the lookahead of a track being read once nothing waits', async () => {
    config.lookaheadChunks = 1;
    const track = await entry('b.flac', 4);
    track.readers = 1;
    fetches.pump();
    await settle();
    expect(fetches.fetching(track.id)).toBe(true);
    while (share.pending.length) {
      share.pending[0]!.answer();
      await settle();
    }
    expect([0, 1, 2, 3].map((i) => track.has(i))).toEqual([true, true, false, false]);
  });

  it('reports the share away when a read fails as a vanished share does, and asks nothing of it after', async () => {
    config.lookaheadChunks = 1;
    const track = await entry('c.flac', 4);
    const fetch = fetches.fetchFor(track, 0, LOOKAHEAD);
    fetches.pump();
    await settle();
    share.pending[0]!.fail('EIO');
    await expect(fetch.done).rejects.toThrow('EIO');
    await settle();
    expect(reports).toEqual([[rootId, false]]);
    expect(health.isOffline(rootId)).toBe(true);
    const asked = share.pending.length;
    track.readers = 1;
    fetches.fetchFor(track, 1, DEMAND);
    fetches.pump();
    await settle();
    expect(share.pending.length).toBe(asked);
  });

  it("fails a dropped entry's fetches with ECHANGED", async () => {
    const track = await entry('d.flac', 2);
    const fetch = fetches.fetchFor(track, 0, DEMAND);
    fetches.pump();
    entries.drop(track);
    await expect(fetch.done).rejects.toMatchObject({ code: 'ECHANGED' });
    expect(fetches.fetching(track.id)).toBe(false);
  });
});
