// A playlist as a view (views thread, real catalog): entry ids in the playlist's order, the Songs
// columns' sorts and the search box over its tracks, entries without a track as rows, and a new
// snapshot after each edit.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import type { Core } from '../../../src/main/core/core.ts';
import type { PlaylistEntryRow } from '../../../src/shared/domain.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';
import { caller } from './call.ts';

describe.skipIf(!hasFfmpeg)('a playlist view', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let core: Core;
  let handlers: Handlers;
  const call = caller(() => handlers);
  const id: Record<string, number> = {};
  let playlistId: number;

  beforeAll(async () => {
    for (const [file, title, artist] of [
      ['c.flac', 'Charlie', 'Zed'],
      ['a.flac', 'Alpha', 'Yann'],
      ['b.flac', 'Bravo', 'Zed'],
    ] as const)
      await makeAudioFile(join(music, file), 'flac', { title, artist }, 1);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    handlers = createHandlers(core);
    await core.addRoot(music);
    await core.scanner.start().done;
    for (const row of core.catalog.db.prepare('SELECT id, title FROM tracks').all() as { id: number; title: string }[])
      id[row.title] = row.id;
    playlistId = await core.writer.write.createPlaylist(
      'View',
      null,
      [
        { trackId: id.Charlie!, path: '' },
        { trackId: null, path: '/elsewhere/gone.flac', title: 'Gone', artist: 'Zed' },
        { trackId: id.Alpha!, path: '' },
        { trackId: id.Charlie!, path: '' },
        { trackId: id.Bravo!, path: '' },
      ],
      null,
    );
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  const open = async (extra: object, previous?: number) => {
    const opened = await call('views.open', {
      spec: { kind: 'playlist', playlistId, sort: null, ...extra },
      previous,
      limit: 50,
    });
    expect(opened.rows.kind).toBe('playlist');
    const rows = opened.rows.rows as PlaylistEntryRow[];
    expect(opened.rows.ids).toEqual(rows.map((row) => row.entryId));
    return { opened, titles: rows.map((row) => row.title), rows };
  };

  it('lists the entries in playlist order, a track twice and an entry without a track among them', async () => {
    const { opened, titles, rows } = await open({});
    expect(opened.total).toBe(5);
    expect(titles).toEqual(['Charlie', 'Gone', 'Alpha', 'Charlie', 'Bravo']);
    expect(rows[1]).toMatchObject({ trackId: null, state: 'missing', path: '/elsewhere/gone.flac', track: null });
    expect(rows[0]!.track).toMatchObject({ id: id.Charlie, title: 'Charlie', available: true });
  });

  it('sorts by any Songs column, entries without a track last, and searches its tracks', async () => {
    expect((await open({ sort: { field: 'title', desc: false } })).titles).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Charlie',
      'Gone',
    ]);
    expect((await open({ sort: { field: 'title', desc: true } })).titles).toEqual([
      'Charlie',
      'Charlie',
      'Bravo',
      'Alpha',
      'Gone',
    ]);
    expect((await open({ search: 'zed' })).titles).toEqual(['Charlie', 'Charlie', 'Bravo']);
    expect((await open({ search: 'artist:yann', sort: { field: 'artist', desc: false } })).titles).toEqual(['Alpha']);
  });

  it('takes a new snapshot after an edit, and keeps the one it has when nothing changed', async () => {
    const first = await open({});
    const same = await open({}, first.opened.snapshotId);
    expect(same.opened.unchanged).toBe(true);
    await call('playlists.addTracks', { playlistId, trackIds: [id.Bravo], position: 0 });
    const after = await open({}, first.opened.snapshotId);
    expect(after.opened.unchanged).toBe(false);
    expect(after.titles).toEqual(['Bravo', 'Charlie', 'Gone', 'Alpha', 'Charlie', 'Bravo']);
    await call('playlists.delete', { playlistId });
    await expect(open({})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
