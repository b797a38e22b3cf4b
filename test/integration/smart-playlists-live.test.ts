// Smart playlists stay live: a play, a skip or a rating, written by the writer thread, reaches
// the change log as an `updated` change, and the views thread reads again a search whose
// rules depend on play statistics (and keeps the snapshot of one whose rules do not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import { smartPlaylistIds } from '../../src/main/core/catalog/smart-playlists.ts';
import { VersionReads } from '../../src/main/core/catalog/reads/versions.ts';
import type { Core } from '../../src/main/core/core.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import type { TrackRow } from '../../src/shared/domain.ts';
import { unwrap } from '../../src/shared/result.ts';
import { writeCatalog } from '../support/catalog-file.ts';
import { testCore } from '../support/core.ts';
import { SMART_TRACKS, writeHistory } from '../support/smart-catalog.ts';
import { tempDir } from '../support/temp.ts';

describe('smart playlists after plays, skips and ratings', () => {
  const dir = tempDir();
  let core: Core;
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
    unwrap(await dispatch(createHandlers(core), name, input)) as CommandOutput<K>;
  const open = (text: string, previous?: number) =>
    call('views.open', {
      spec: { kind: 'tracks', filter: { type: 'search', text }, sort: { field: 'albumArtist', desc: false } },
      previous,
      limit: 100,
    });

  beforeAll(() => {
    const { dbPath, catalog } = writeCatalog(dir.path, SMART_TRACKS);
    // Stats far in the past: nothing was played within the last day before the test plays.
    writeHistory(catalog.db);
    catalog.db.prepare('UPDATE play_stats SET last_played_at = last_played_at - 3650 * 86400000').run();
    catalog.close();
    core = testCore(dbPath);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('finds a track played just now in played:<1d, in the view and in smartPlaylistIds', async () => {
    const before = await open('played:<1d');
    expect(before.total).toBe(0);
    const untouched = await open('format:flac');
    await core.writer.write.recordPlay(5, Date.now());
    expect(core.catalog.changes.version()).toBeGreaterThan(before.version);
    const after = await open('played:<1d', before.snapshotId);
    expect(after.unchanged).toBe(false);
    expect(after.rows.ids).toEqual([5]);
    // What the views ask before reading again: the play touched tracks, reshaped nothing.
    expect(new VersionReads(core.catalog.db).scope(before.version, after.version)).toEqual({
      reshaped: false,
      touched: true,
    });
    expect(smartPlaylistIds(core.catalog.db, 'played:<1d', Date.now())).toEqual([5]);
    // A search that no play can change keeps its snapshot.
    const flac = await open('format:flac', untouched.snapshotId);
    expect(flac.unchanged).toBe(true);
  });

  it('reads a play into a limited sort by plays', async () => {
    const top = await open('sort:plays:desc limit:1');
    expect(top.rows.ids).toEqual([3]);
    for (let i = 0; i < 40; i++) await core.writer.write.recordPlay(8, Date.now());
    expect((await open('sort:plays:desc limit:1', top.snapshotId)).rows.ids).toEqual([8]);
  });

  it('rates tracks through tracks.setRating, whole stars, 0 or null clearing', async () => {
    const five = await open('rating:5');
    expect(five.rows.ids).toEqual([1]);
    expect(await call('tracks.setRating', { trackIds: [6, 8, 999_999], rating: 5 })).toEqual([6, 8]);
    const rated = await open('rating:5', five.snapshotId);
    expect(rated.rows.ids).toEqual([8, 1, 6]);
    const rows = rated.rows.rows as TrackRow[];
    expect(rows.map((row) => row.rating)).toEqual([5, 5, 5]);

    expect(await call('tracks.setRating', { trackIds: [6], rating: 0 })).toEqual([6]);
    expect(await call('tracks.setRating', { trackIds: [8], rating: null })).toEqual([8]);
    expect((await open('rating:5', rated.snapshotId)).rows.ids).toEqual([1]);
    expect((await call('library.tracksByIds', { ids: [6, 8] })).map((row) => row.rating)).toEqual([null, null]);

    for (const rating of [6, -1, 2.5]) {
      const refused = await dispatch(createHandlers(core), 'tracks.setRating', { trackIds: [1], rating });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('counts a skip in the row and in skips:', async () => {
    const skipped = await open('skips:>0');
    expect(skipped.rows.ids).toEqual([3, 4]);
    await core.writer.write.recordSkip(6);
    const after = await open('skips:>0', skipped.snapshotId);
    expect(after.rows.ids).toEqual([3, 6, 4]);
    expect((after.rows.rows as TrackRow[]).map((row) => row.skipCount)).toEqual([1, 1, 3]);
  });
});
