// Tag edits through the contract on a scanned library: the files change, the catalog follows
// at once (rows, albums, search), the next rescan parses none of them, a file that cannot be
// written is reported while the rest go on, progress and cancel, numbering, and undo.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { coverPaths } from '../../../src/main/common/cover-paths.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import { dispatch } from '../../../src/main/core/api/dispatch.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { readTags } from '../../../src/main/core/tags/tag-file.ts';
import type { CommandInput, CommandName, CommandOutput, EventPayload } from '../../../src/shared/contract.ts';
import { unwrap } from '../../../src/shared/result.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { decodedMd5 } from '../../support/tag-proof.ts';
import { tempDir } from '../../support/temp.ts';

/** A 1×1 PNG: an embedded cover other than the folder's. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe.skipIf(!hasFfmpeg)('tag edits and the catalog', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  let core: Core;
  const ids: Record<string, number> = {};
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> =>
    unwrap(await dispatch(createHandlers(core), name, input)) as CommandOutput<K>;
  const row = (id: number) =>
    core.catalog.db
      .prepare(
        'SELECT t.album, t.track_no AS trackNo, t.track_total AS trackTotal, t.size, t.mtime_ns AS mtimeNs, a.title AS albumTitle FROM tracks t LEFT JOIN albums a ON a.id = t.album_id WHERE t.id = ?',
      )
      .safeIntegers(true)
      .get(id) as {
      album: string;
      trackNo: bigint;
      trackTotal: bigint | null;
      size: bigint;
      mtimeNs: bigint;
      albumTitle: string;
    };
  const albumTitles = () =>
    core.catalog.db.prepare('SELECT title FROM albums ORDER BY title').pluck().all() as string[];

  beforeAll(async () => {
    const album = { artist: 'Band', albumArtist: 'Band', album: 'Old Album', date: '2004', genre: 'Rock' };
    for (const n of [1, 2, 3]) {
      await makeAudioFile(join(music, 'album', `0${n}.mp3`), 'mp3', { ...album, title: `Song ${n}`, track: `${n}/3` });
    }
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await makeAudioFile(join(music, 'many', `${n}.flac`), 'flac', { title: `Many ${n}`, album: 'Many' }, 1);
    }
    await makeAudioFile(join(music, 'other', 'readonly.mp3'), 'mp3', { title: 'Locked', album: 'Locked' });
    await makeAudioFile(join(music, 'other', 'plain.wav'), 'wav', {});
    core = testCore(join(dir.path, 'catalog.sqlite'));
    await core.addRoot(music);
    await core.scanner.start().done;
    for (const { id, path } of core.catalog.db.prepare('SELECT id, path FROM tracks').all() as {
      id: number;
      path: string;
    }[]) {
      ids[path.slice(music.length + 1)] = id;
    }
    chmodSync(join(music, 'other', 'readonly.mp3'), 0o444);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  const albumIds = () => [ids['album/01.mp3']!, ids['album/02.mp3']!, ids['album/03.mp3']!];

  it('reads the editor state: shared values, mixed fields, and the files it cannot edit', async () => {
    const state = await call('tags.read', { ids: [...albumIds(), ids['other/plain.wav']!] });
    expect(state.ids).toEqual(albumIds());
    expect(state.fields.album).toEqual({ mixed: false, value: 'Old Album' });
    expect(state.fields.title).toEqual({ mixed: true });
    expect(state.fields.trackNo).toEqual({ mixed: true });
    expect(state.fields.trackTotal).toEqual({ mixed: false, value: 3 });
    expect(state.fields.genres).toEqual({ mixed: false, value: ['Rock'] });
    expect(state.refused).toEqual([
      expect.objectContaining({
        id: ids['other/plain.wav'],
        message: expect.stringMatching(/plain\.wav: tags are read-only for WAV files/),
      }),
    ]);
  });

  it('writes the album of three tracks; the catalog follows at once; files it cannot write are reported', async () => {
    const md5 = await decodedMd5(join(music, 'album', '01.mp3'));
    const changes: EventPayload<'library.changed'>[] = [];
    const progress: EventPayload<'tags.progress'>[] = [];
    const stop = core.bus.subscribe((name, payload) => {
      if (name === 'library.changed') changes.push(payload as EventPayload<'library.changed'>);
      if (name === 'tags.progress') progress.push(payload as EventPayload<'tags.progress'>);
    });
    const result = await call('tags.write', {
      ids: [...albumIds(), ids['other/readonly.mp3']!, ids['other/plain.wav']!],
      changes: { album: 'New Album' },
    });
    stop();
    expect(result).toMatchObject({ written: 3, cancelled: false, undoable: true });
    expect(result.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/plain\.wav: tags are read-only for WAV files/),
      expect.stringMatching(/readonly\.mp3: the file is read-only/),
    ]);
    // The files: the new album, the audio as it was.
    expect(readTags(join(music, 'album', '01.mp3')).fields.album).toBe('New Album');
    expect(await decodedMd5(join(music, 'album', '01.mp3'))).toBe(md5);
    // The catalog: rows, their album, the old album gone, the change announced, the search.
    for (const id of albumIds()) expect(row(id)).toMatchObject({ album: 'New Album', albumTitle: 'New Album' });
    expect(albumTitles()).not.toContain('Old Album');
    expect(changes.flatMap((c) => c.updated).sort()).toEqual(albumIds().sort());
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4, failed: 2 });
    const search = await call('views.search', {
      text: 'new album',
      sort: { field: 'albumArtist', desc: false },
      limit: 50,
    });
    expect(search.songs.total).toBe(3);
    expect(search.albums.map((a) => a.title)).toEqual(['New Album']);
    // The fingerprint recorded is the file's: a rescan finds nothing to parse.
    const stat = statSync(join(music, 'album', '02.mp3'), { bigint: true });
    expect(row(ids['album/02.mp3']!)).toMatchObject({ size: stat.size, mtimeNs: stat.mtimeNs });
    const rescan = await core.scanner.start().done;
    expect(rescan).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('undoes the last batch: the old album back in the files and the catalog', async () => {
    const result = await call('tags.undo', {});
    expect(result).toMatchObject({ written: 3, failed: [], undoable: false });
    expect(readTags(join(music, 'album', '03.mp3')).fields.album).toBe('Old Album');
    for (const id of albumIds()) expect(row(id)).toMatchObject({ album: 'Old Album', albumTitle: 'Old Album' });
    expect(albumTitles()).not.toContain('New Album');
    await expect(call('tags.undo', {})).rejects.toThrow(/no tag edit to undo/);
  });

  it('numbers a selection in its order, with the total', async () => {
    const order = [ids['album/03.mp3']!, ids['album/01.mp3']!, ids['album/02.mp3']!];
    const result = await call('tags.write', { ids: order, changes: {}, transforms: { number: { total: true } } });
    expect(result.written).toBe(3);
    expect(order.map((id) => Number(row(id).trackNo))).toEqual([1, 2, 3]);
    expect(readTags(join(music, 'album', '03.mp3')).fields).toMatchObject({ trackNo: 1, trackTotal: 3 });
    // A second numbering changes nothing: no file is rewritten.
    const again = await call('tags.write', { ids: order, changes: {}, transforms: { number: { total: true } } });
    expect(again.written).toBe(0);
  });

  it('replaces the cover and the year of an album: the album shows the new ones', async () => {
    const png = readFileSync(new URL('../../../resources/icon.png', import.meta.url));
    const result = await call('tags.write', {
      ids: albumIds(),
      changes: { year: 2011 },
      cover: { kind: 'replace', mime: 'image/png', base64: png.toString('base64') },
    });
    expect(result.written).toBe(3);
    const hash = createHash('sha1').update(png).digest('hex');
    const album = core.catalog.db
      .prepare(
        'SELECT a.year, a.cover_hash AS coverHash FROM albums a JOIN tracks t ON t.album_id = a.id WHERE t.id = ?',
      )
      .get(albumIds()[0]) as { year: number; coverHash: string };
    expect(album).toEqual({ year: 2011, coverHash: hash });
    expect(existsSync(coverPaths(core.paths.coversDir, hash).full)).toBe(true);
    const state = await call('tags.read', { ids: albumIds() });
    expect(state.cover).toEqual({ state: 'same', hash });
    expect(state.fields.year).toEqual({ mixed: false, value: 2011 });
  });

  it('removes the cover: the track shows its folder image, as a scan would, or none', async () => {
    const png = readFileSync(new URL('../../../resources/icon.png', import.meta.url));
    writeFileSync(join(music, 'many', 'cover.png'), png);
    const one = ids['many/1.flac']!;
    await call('tags.write', {
      ids: [one],
      changes: {},
      cover: { kind: 'replace', mime: 'image/png', base64: Buffer.from(PNG_1PX, 'base64').toString('base64') },
    });
    await call('tags.write', { ids: [one, albumIds()[0]!], changes: {}, cover: { kind: 'remove' } });
    const coverOf = (id: number) =>
      core.catalog.db.prepare('SELECT cover_hash FROM tracks WHERE id = ?').pluck().get(id);
    expect(coverOf(one)).toBe(createHash('sha1').update(png).digest('hex'));
    expect(coverOf(albumIds()[0]!)).toBeNull();
    expect(readTags(join(music, 'album', '01.mp3')).cover).toBeNull();
  });

  it('stops a batch when cancelled: what was written stays, written and in the catalog', async () => {
    const many = Object.keys(ids)
      .filter((path) => path.startsWith('many/'))
      .map((path) => ids[path]!);
    const stop = core.bus.on('tags.progress', (p) => {
      if (p.done === 1) core.tags.cancel();
    });
    const result = await call('tags.write', { ids: many, changes: { album: 'Cancelled' } });
    stop();
    expect(result).toMatchObject({ written: 1, cancelled: true });
    const albums = many.map((id) => row(id).album);
    expect(albums.filter((a) => a === 'Cancelled')).toHaveLength(1);
  });
});
