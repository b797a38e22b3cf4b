// A renderer's list (the real ListSource, talking to a real core through the dispatcher) that
// missed library changes: behind by fewer changes than the main process keeps in memory it
// catches up with the delta; further behind, it reloads.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_ROOT, buildCatalog, writeInput } from '../../bench/views/catalog.ts';
import { planLibrary } from '../../bench/library/model.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import type { TrackRow } from '../../src/shared/domain.ts';
import { unwrap } from '../../src/shared/result.ts';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import { LibraryWriter } from '../../src/main/core/catalog/library-writer.ts';
import type { Core } from '../../src/main/core/core.ts';
import { FEED_CAPACITY } from '../../src/main/core/views/change-feed.ts';
import { ListSource } from '../../src/renderer/src/views/data/list-source.ts';
import { testCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';

const TRACKS = 1000;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('a list that missed library changes', () => {
  const dir = tempDir();
  let core: Core;
  let calls: CommandName[] = [];
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> => {
    calls.push(name);
    return unwrap(await dispatch(createHandlers(core), name, input)) as CommandOutput<K>;
  };
  // New albums by new artists ("Zz…" sorts them after everything), written as a scan would.
  let planned = 0;
  function importTracks(count: number): void {
    const writer = new LibraryWriter(core.catalog.db, core.catalog.changes);
    const rootId = core.catalog.roots.byPath(BENCH_ROOT)!.id;
    const tracks = planLibrary({
      root: `${BENCH_ROOT}/new`,
      tracks: 60,
      seed: 100 + planned++,
      formats: { mp3: 1 },
      coverRatio: 0,
    })
      .flatMap((album) => album.tracks)
      .slice(0, count)
      .map((track) => ({
        ...track,
        path: `${track.path}.${planned}`,
        albumArtist: `Zz ${track.albumArtist}`,
        artist: `Zz ${track.artist}`,
      }));
    core.bus.emit('library.changed', writer.writeBatch(tracks.map((track) => writeInput(track, rootId, null))));
  }
  const source = () =>
    new ListSource<TrackRow>(call, { kind: 'tracks', filter: { type: 'all' }, sort: { field: 'artist', desc: false } });

  beforeAll(async () => {
    const dbPath = join(dir.path, 'catalog.sqlite');
    await buildCatalog({ dbPath, tracks: TRACKS, covers: 2, seed: 5 });
    core = testCore(dbPath);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('applies the next change straight from its event', async () => {
    const list = source();
    await list.open();
    calls = [];
    const before = core.catalog.changes.version();
    importTracks(3);
    const [change] = core.catalog.changes.since(before, 1);
    await list.catchUp(change!);
    expect(calls).not.toContain('library.changesSince');
    expect(list.stats).toMatchObject({ deltas: 1, reloads: 0 });
    expect(list.total).toBe(core.catalog.tracks.count());
    list.dispose();
  });

  it('catches up by delta when fewer changes than the log holds were missed', async () => {
    const list = source();
    await list.open();
    list.setVisible(100, 130);
    await until(() => list.idAt(100) !== undefined);
    const anchor = list.idAt(100);
    const total = list.total;
    for (let i = 0; i < 5; i++) importTracks(4);
    calls = [];
    await list.catchUp(null);
    expect(calls).toContain('library.changesSince');
    expect(list.stats).toMatchObject({ deltas: 1, reloads: 0 });
    expect(list.total).toBe(total + 20);
    // The new tracks sort after the first row on screen: it stays where it was.
    expect(list.idAt(100)).toBe(anchor);
    list.dispose();
  });

  it('reloads when it fell further behind than the log reaches', async () => {
    const list = source();
    await list.open();
    const total = list.total;
    importTracks(5);
    for (let i = 0; i <= FEED_CAPACITY; i++) await core.writer.write.announceStructural();
    await list.catchUp(null);
    expect(list.stats).toMatchObject({ deltas: 0, reloads: 1 });
    expect(list.total).toBe(total + 5);
    expect(list.version).toBe(core.catalog.changes.version());
    list.dispose();
  });

  it('keeps its snapshot when only a play count changed, and fetches that row again', async () => {
    const list = source();
    await list.open();
    list.setVisible(0, 30);
    const snapshot = list.snapshotId;
    const row = list.rowAt(3)!;
    await call('playback.recordPlay', { trackId: row.id });
    await list.catchUp(null);
    expect(list.snapshotId).toBe(snapshot);
    await until(() => list.rowAt(3)!.playCount === row.playCount + 1);
    list.dispose();
  });
});
