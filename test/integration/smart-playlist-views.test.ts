// A smart playlist through the views API: its tracks view, its playlist view and its track ids
// are its stored query evaluated in the views thread, and follow a play, a rating and an edit
// of the query without anyone opening it anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../src/main/core/api/dispatch.ts';
import type { Core } from '../../src/main/core/core.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract.ts';
import type { PlaylistEntryRow } from '../../src/shared/domain.ts';
import { unwrap } from '../../src/shared/result.ts';
import { TRACK_SORT_FIELDS, type TrackSort } from '../../src/shared/views.ts';
import { writeCatalog } from '../support/catalog-file.ts';
import { testCore } from '../support/core.ts';
import { BASE, SMART_TRACKS, writeHistory } from '../support/smart-catalog.ts';
import { tempDir } from '../support/temp.ts';

describe('a smart playlist in the views', () => {
  const dir = tempDir();
  let core: Core;
  let playlistId: number;
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
    unwrap(await dispatch(createHandlers(core), name, input)) as CommandOutput<K>;
  const open = (previous?: number, sort: TrackSort = { field: 'albumArtist', desc: false }) =>
    call('views.open', { spec: { kind: 'tracks', filter: { type: 'smart', playlistId }, sort }, previous, limit: 100 });

  beforeAll(async () => {
    const { dbPath, catalog } = writeCatalog(dir.path, SMART_TRACKS);
    writeHistory(catalog.db);
    // Nothing played within the last day before the test plays.
    catalog.db.prepare('UPDATE play_stats SET last_played_at = last_played_at - 3650 * 86400000').run();
    catalog.close();
    core = testCore(dbPath);
    playlistId = (await call('playlists.create', { name: 'Today', smartQuery: 'played:<1d' })).id;
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  it('gains a track when the writer records a play', async () => {
    const before = await open();
    expect(before.total).toBe(0);
    expect(await call('playlists.trackIds', { playlistId })).toEqual([]);

    await core.writer.write.recordPlay(5, Date.now());
    const after = await open(before.snapshotId);
    expect(after.unchanged).toBe(false);
    expect(after.rows.ids).toEqual([5]);
    expect(await call('playlists.trackIds', { playlistId })).toEqual([5]);

    const page = await call('views.open', { spec: { kind: 'playlist', playlistId, sort: null }, limit: 100 });
    const rows = page.rows.rows as PlaylistEntryRow[];
    expect(rows.map((row) => [row.entryId, row.trackId, row.state, row.track?.title])).toEqual([
      [5, 5, 'present', 'Karma Police'],
    ]);
  });

  it('reads its edited query at once, in the query order unless the view sorts', async () => {
    const flac = await call('playlists.setSmartQuery', { playlistId, smartQuery: 'format:flac' });
    expect(flac.smartQuery).toBe('format:flac');
    expect((await open()).rows.ids).toEqual(BASE.filter((id) => [1, 2, 8].includes(id)));

    await call('playlists.setSmartQuery', { playlistId, smartQuery: 'sort:plays:desc limit:3' });
    const top = await call('playlists.trackIds', { playlistId });
    expect(top).toHaveLength(3);
    const playlistView = await call('views.open', { spec: { kind: 'playlist', playlistId, sort: null }, limit: 100 });
    expect(playlistView.rows.ids).toEqual(top);
    // The view's own sort reorders the three the limit kept, and nothing else.
    const byTitle = await open(undefined, { field: 'title', desc: false });
    expect([...byTitle.rows.ids].sort()).toEqual([...top].sort());
  });

  it('follows a rating its rules read', async () => {
    await call('playlists.setSmartQuery', { playlistId, smartQuery: 'rating:5' });
    const before = await open();
    expect(before.rows.ids).not.toContain(6);
    await call('tracks.setRating', { trackIds: [6], rating: 5 });
    expect((await open(before.snapshotId)).rows.ids).toContain(6);
    expect(await call('playlists.trackIds', { playlistId })).toContain(6);
  });

  it('sorts a list of entries in SQL, while the library order is not read, as the Songs view sorts', async () => {
    const list = await call('playlists.create', { name: 'Every track', trackIds: [...BASE].reverse() });
    const { entries } = await call('playlists.get', { playlistId: list.id });
    const trackOf = new Map(entries.map((entry) => [entry.entryId, entry.trackId]));
    for (const field of TRACK_SORT_FIELDS) {
      for (const desc of [false, true]) {
        const sort = { field, desc };
        // Nothing cached: the playlist is sorted before any whole-library order is read.
        await core.writer.write.announceStructural();
        const sorted = await call('views.open', { spec: { kind: 'playlist', playlistId: list.id, sort }, limit: 100 });
        const songs = await call('views.open', { spec: { kind: 'tracks', filter: { type: 'all' }, sort }, limit: 100 });
        expect(
          sorted.rows.ids.map((id) => trackOf.get(id)),
          `${field} ${desc}`,
        ).toEqual(songs.rows.ids);
      }
    }
  });

  it('refuses a query for a list of entries, and a smart view of one', async () => {
    const list = await call('playlists.create', { name: 'List', trackIds: [1] });
    const refused = await dispatch(createHandlers(core), 'playlists.setSmartQuery', {
      playlistId: list.id,
      smartQuery: 'plays:>1',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const view = await dispatch(createHandlers(core), 'views.open', {
      spec: { kind: 'tracks', filter: { type: 'smart', playlistId: list.id }, sort: { field: 'title', desc: false } },
      limit: 10,
    });
    expect(view).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
