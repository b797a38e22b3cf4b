// Playlists against a real catalog and real audio: every edit through the writer thread and
// announced, and entries that survive what the scanner does to their tracks (moves, an offline
// folder, a purge) and come back when the file does.
import { mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import type { Core } from '../../../src/main/core/core.ts';
import type { LibraryChange, PlaylistsChanged } from '../../../src/shared/domain.ts';
import { hasFfmpeg } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { smallLibrary } from '../../support/library.ts';
import { tempDir } from '../../support/temp.ts';
import { caller } from './call.ts';

describe.skipIf(!hasFfmpeg)('playlists', () => {
  let dir: ReturnType<typeof tempDir>;
  let music: string;
  let core: Core;
  let handlers: Handlers;
  let ids: number[];
  let paths: Map<number, string>;
  const call = caller(() => handlers);
  const scan = () => core.scanner.start().done;

  beforeEach(async () => {
    dir = tempDir();
    music = join(dir.path, 'music');
    await smallLibrary(music, 8);
    core = testCore(join(dir.path, 'catalog.sqlite'));
    handlers = createHandlers(core);
    await core.addRoot(music);
    expect((await scan()).added).toBe(8);
    const rows = core.catalog.db.prepare('SELECT id, path FROM tracks ORDER BY id').all() as {
      id: number;
      path: string;
    }[];
    ids = rows.map((row) => row.id);
    paths = new Map(rows.map((row) => [row.id, row.path]));
  });
  afterEach(async () => {
    await core.close();
    dir.cleanup();
  });

  const entryTracks = async (playlistId: number) =>
    (await call('playlists.get', { playlistId })).entries.map((entry) => entry.trackId);

  it('creates, edits and orders entries, the same track twice, each edit announced after it committed', async () => {
    const heard: (PlaylistsChanged | LibraryChange)[] = [];
    core.bus.on('playlists.changed', (event) => heard.push(event));
    core.bus.on('library.changed', (change) => heard.push(change));
    const [a, b, c, d] = ids as [number, number, number, number];

    const list = await call('playlists.create', { name: '  Road trip ', trackIds: [a, b, 999_999, a] });
    expect(list).toMatchObject({ name: 'Road trip', entryCount: 3, folderId: null, smartQuery: null });
    expect(await entryTracks(list.id)).toEqual([a, b, a]);
    expect(await call('playlists.addTracks', { playlistId: list.id, trackIds: [c, d], position: 1 })).toBe(2);
    expect(await entryTracks(list.id)).toEqual([a, c, d, b, a]);
    expect(await call('playlists.addTracks', { playlistId: list.id, trackIds: [b] })).toBe(1);
    expect(await entryTracks(list.id)).toEqual([a, c, d, b, a, b]);

    const entries = (await call('playlists.get', { playlistId: list.id })).entries;
    // The last two entries dropped before the second: the drop line is an index of the list as it was.
    await call('playlists.moveEntries', {
      playlistId: list.id,
      entryIds: [entries[4]!.entryId, entries[5]!.entryId],
      position: 1,
    });
    expect(await entryTracks(list.id)).toEqual([a, a, b, c, d, b]);
    await call('playlists.moveEntries', { playlistId: list.id, entryIds: [entries[0]!.entryId], position: 99 });
    expect(await entryTracks(list.id)).toEqual([a, b, c, d, b, a]);
    expect(await call('playlists.removeEntries', { playlistId: list.id, entryIds: [entries[3]!.entryId] })).toBe(1);
    expect(await entryTracks(list.id)).toEqual([a, b, c, d, a]);
    expect(await call('playlists.trackIds', { playlistId: list.id })).toEqual([a, b, c, d, a]);

    // Each write committed one change, and playlists.changed came after its library.changed.
    const events = heard.map((event) => ('playlistIds' in event ? 'playlists' : 'library'));
    expect(events).toEqual(Array.from({ length: 6 }, () => ['library', 'playlists']).flat());
    const versions = heard.map((event) => event.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(heard[1]).toMatchObject({ playlistIds: [list.id], tree: true });

    const copy = await call('playlists.duplicate', { playlistId: list.id });
    expect(copy).toMatchObject({ name: 'Road trip copy', entryCount: 5 });
    expect(await entryTracks(copy.id)).toEqual([a, b, c, d, a]);
    const renamed = await call('playlists.rename', { playlistId: copy.id, name: 'Road trip 2' });
    expect(renamed.name).toBe('Road trip 2');
    const queue = await call('playlists.saveQueue', { name: 'Queue', trackIds: [d, c] });
    expect(await entryTracks(queue.id)).toEqual([d, c]);
  });

  it('deletes into a trash that the next delete empties; folders nest, move and give their playlists up', async () => {
    const first = await call('playlists.create', { name: 'First', trackIds: ids.slice(0, 3) });
    const second = await call('playlists.create', { name: 'Second' });
    await call('playlists.delete', { playlistId: first.id });
    expect((await call('playlists.list', {})).playlists.map((p) => p.name)).toEqual(['Second']);
    await expect(call('playlists.get', { playlistId: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call('playlists.undoDelete', { playlistId: first.id })).toMatchObject({ entryCount: 3 });
    await call('playlists.delete', { playlistId: first.id });
    await call('playlists.delete', { playlistId: second.id });
    await expect(call('playlists.undoDelete', { playlistId: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call('playlists.undoDelete', { playlistId: second.id });

    const rock = await call('playlists.createFolder', { name: 'Rock' });
    const live = await call('playlists.createFolder', { name: 'Live', parentId: rock.id });
    const moved = await call('playlists.move', { playlistId: second.id, folderId: live.id });
    expect(moved.folderId).toBe(live.id);
    await expect(call('playlists.moveFolder', { folderId: rock.id, parentId: live.id })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await call('playlists.renameFolder', { folderId: live.id, name: 'Concerts' });
    await call('playlists.deleteFolder', { folderId: live.id });
    const { folders, playlists } = await call('playlists.list', {});
    expect(folders).toEqual([expect.objectContaining({ id: rock.id, name: 'Rock', playlistCount: 1 })]);
    expect(playlists).toEqual([expect.objectContaining({ id: second.id, folderId: rock.id })]);
    await expect(call('playlists.create', { name: '' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('keeps entries through a move inside the library and through an offline library folder', async () => {
    const list = await call('playlists.create', { name: 'Keep', trackIds: [ids[0], ids[1]] });
    const old = paths.get(ids[0]!)!;
    const moved = join(dirname(old), 'renamed', basename(old));
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(old, moved);
    expect((await scan()).moved).toBe(1);
    const page = await call('playlists.get', { playlistId: list.id });
    expect(page.entries.map((e) => [e.trackId, e.state, e.path])).toEqual([
      [ids[0], 'present', moved],
      [ids[1], 'present', paths.get(ids[1]!)],
    ]);

    renameSync(music, `${music}.away`);
    expect((await scan()).offlineRoots).toEqual([music]);
    const offline = await call('playlists.get', { playlistId: list.id });
    expect(offline.entries.map((e) => [e.trackId, e.state])).toEqual([
      [ids[0], 'offline'],
      [ids[1], 'offline'],
    ]);
    expect(await call('playlists.trackIds', { playlistId: list.id })).toEqual([]);
    renameSync(`${music}.away`, music);
    await scan();
    expect(await call('playlists.trackIds', { playlistId: list.id })).toEqual([ids[0], ids[1]]);
  });

  it('leaves a "missing: path" entry when a track is purged, and a scan of that path reattaches it', async () => {
    const gone = ids[2]!;
    const list = await call('playlists.create', { name: 'Purge', trackIds: [ids[0], gone, ids[1]] });
    const path = paths.get(gone)!;
    const aside = join(dir.path, 'aside');
    renameSync(path, aside);
    expect((await scan()).missing).toBe(1);
    expect((await call('playlists.get', { playlistId: list.id })).entries[1]).toMatchObject({
      trackId: gone,
      state: 'missing',
    });
    // Missing for longer than scan.purgeMissingAfterDays.
    core.catalog.db.prepare('UPDATE tracks SET missing_since = 1 WHERE id = ?').run(gone);
    expect((await scan()).removed).toBe(1);
    const purged = await call('playlists.get', { playlistId: list.id });
    expect(purged.playlist).toMatchObject({ entryCount: 3, missingCount: 1 });
    expect(purged.entries[1]).toMatchObject({ trackId: null, state: 'missing', path, track: null });
    expect(purged.entries[1]!.title).toBeTruthy();

    renameSync(aside, path);
    expect((await scan()).added).toBe(1);
    const back = await call('playlists.get', { playlistId: list.id });
    expect(back.entries[1]).toMatchObject({ state: 'present', path });
    expect(back.entries[1]!.trackId).not.toBe(null);
    expect(back.playlist.missingCount).toBe(0);
  });
});
