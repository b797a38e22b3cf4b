// Playlist files as real players write them (test/unit/playlists/player-fixtures.ts) imported
// against a real library: lines matched by path, by the end of a path from another machine and by
// tags; the rest kept as missing entries, one of which a later scan reattaches. Then each format
// written and read back to the same tracks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/core/api/create-handlers.ts';
import type { Handlers } from '../../../src/main/core/api/handlers.ts';
import type { Core } from '../../../src/main/core/core.ts';
import { hasFfmpeg, makeAudioFile } from '../../support/audio.ts';
import { testCore } from '../../support/core.ts';
import { tempDir } from '../../support/temp.ts';
import * as players from '../../unit/playlists/player-fixtures.ts';
import { caller } from './call.ts';

describe.skipIf(!hasFfmpeg)('playlist import and export', () => {
  const dir = tempDir();
  const music = join(dir.path, 'music');
  const elsewhere = join(dir.path, 'playlists');
  let core: Core;
  let handlers: Handlers;
  const call = caller(() => handlers);
  const trackId = (path: string) =>
    core.catalog.db.prepare('SELECT id FROM tracks WHERE path = ?').pluck().get(join(music, path)) as number;

  beforeAll(async () => {
    await makeAudioFile(
      join(music, 'Radiohead/OK Computer/02 Paranoid Android.mp3'),
      'mp3',
      {
        title: 'Paranoid Android',
        artist: 'Radiohead',
      },
      1,
    );
    await makeAudioFile(
      join(music, 'Sigur Rós/Ágætis byrjun/01 Intro.flac'),
      'flac',
      {
        title: 'Intro',
        artist: 'Sigur Rós',
      },
      1,
    );
    await makeAudioFile(
      join(music, 'Björk/Homogenic/01 - Hunter.flac'),
      'flac',
      { title: 'Hunter', artist: 'Björk' },
      1,
    );
    await makeAudioFile(
      join(music, 'Simon & Garfunkel/Bookends/07 America.flac'),
      'flac',
      {
        title: 'America',
        artist: 'Simon & Garfunkel',
      },
      1,
    );
    // Somewhere else and named otherwise: only its tags (case folded) can find it.
    await makeAudioFile(
      join(music, 'misc/track 4.flac'),
      'flac',
      {
        title: 'harder, better, faster, stronger',
        artist: 'DAFT PUNK',
      },
      1,
    );
    mkdirSync(elsewhere, { recursive: true });
    core = testCore(join(dir.path, 'catalog.sqlite'));
    handlers = createHandlers(core);
    await core.addRoot(music);
    expect((await core.scanner.start().done).added).toBe(5);
  });
  afterAll(async () => {
    await core?.close();
    dir.cleanup();
  });

  const importBytes = async (folder: string, name: string, bytes: Uint8Array) => {
    writeFileSync(join(folder, name), bytes);
    const result = await call('playlists.import', { path: join(folder, name) });
    const page = await call('playlists.get', { playlistId: result.playlist.id });
    return { result, entries: page.entries };
  };

  it("MusicBee's Windows paths by their end, a NAS line by its tags, the rest kept as written", async () => {
    const { result, entries } = await importBytes(elsewhere, 'musicbee.m3u8', players.musicBeeM3u8);
    expect(result).toMatchObject({ format: 'm3u', matched: { path: 0, tail: 1, tags: 1 }, unmatched: 1 });
    expect(result.playlist).toMatchObject({ name: 'musicbee', entryCount: 3, missingCount: 1 });
    expect(entries.map((e) => [e.trackId, e.state])).toEqual([
      [trackId('Radiohead/OK Computer/02 Paranoid Android.mp3'), 'present'],
      [null, 'missing'],
      [trackId('misc/track 4.flac'), 'present'],
    ]);
    expect(entries[1]).toMatchObject({
      path: 'D:\\Music\\Sigur Rós\\Ágætis byrjun\\02 Svefn-g-englar.flac',
      title: 'Svefn-g-englar',
      artist: 'Sigur Rós',
      durationS: 607,
    });
  });

  it("VLC's file URIs and plain paths from another machine, streams kept as URLs", async () => {
    const xspf = await importBytes(elsewhere, 'vlc.xspf', players.vlcXspf);
    expect(xspf.result).toMatchObject({ format: 'xspf', matched: { path: 0, tail: 1, tags: 0 }, unmatched: 2 });
    expect(xspf.entries.map((e) => e.trackId)).toEqual([trackId('Sigur Rós/Ágætis byrjun/01 Intro.flac'), null, null]);
    expect(xspf.entries[2]).toMatchObject({ path: 'http://stream.radioparadise.com/flac', state: 'missing' });
    const m3u = await importBytes(elsewhere, 'vlc.m3u', players.vlcM3u);
    expect(m3u.result).toMatchObject({ matched: { path: 0, tail: 2, tags: 0 }, unmatched: 1 });
  });

  it("Strawberry's relative paths beside the music by path, in PLS and in percent-encoded XSPF", async () => {
    const america = trackId('Simon & Garfunkel/Bookends/07 America.flac');
    const pls = await importBytes(music, 'strawberry.pls', players.strawberryPls);
    expect(pls.result).toMatchObject({ format: 'pls', matched: { path: 1, tail: 0, tags: 0 }, unmatched: 2 });
    expect(pls.entries.map((e) => e.trackId)).toEqual([america, null, null]);
    expect(pls.entries[1]).toMatchObject({
      path: '/mnt/nas/Music/Sigur Rós/( )/01 Untitled 1.flac',
      title: 'Untitled #1',
    });
    const xspf = await importBytes(music, 'strawberry.xspf', players.strawberryXspf);
    expect(xspf.result).toMatchObject({ matched: { path: 1, tail: 0, tags: 0 }, unmatched: 1 });
  });

  it('writes each format and reads it back to the same tracks and the same missing lines', async () => {
    const source = (await call('playlists.list', {})).playlists.find((p) => p.name === 'musicbee')!;
    const before = (await call('playlists.get', { playlistId: source.id })).entries;
    for (const format of ['m3u8', 'pls', 'xspf'] as const) {
      const file = join(music, `out.${format}`);
      expect(await call('playlists.export', { playlistId: source.id, path: file })).toEqual({
        path: file,
        format,
        entries: 3,
      });
      // Under the file's folder: relative, so the playlist moves with the music (XSPF: absolute
      // file URIs by the writer's choice, since its readers resolve relative ones inconsistently).
      const text = readFileSync(file, 'utf8');
      if (format === 'xspf') expect(text).toContain(`file://${music}/Radiohead/OK%20Computer`);
      else expect(text).not.toContain(music);
      if (format !== 'xspf') expect(text).toContain('Radiohead/OK Computer/02 Paranoid Android.mp3');
      const again = await call('playlists.import', { path: file, name: `again ${format}` });
      const after = (await call('playlists.get', { playlistId: again.playlist.id })).entries;
      expect(after.map((e) => [e.trackId, e.path, e.title])).toEqual(before.map((e) => [e.trackId, e.path, e.title]));
    }
    const elsewhereFile = join(elsewhere, 'out.pls');
    await call('playlists.export', { playlistId: source.id, path: elsewhereFile, format: 'pls' });
    expect(readFileSync(elsewhereFile, 'utf8')).toContain(join(music, 'Radiohead/OK Computer/02 Paranoid Android.mp3'));
  });

  it('refuses what it cannot read or write with a code, and makes no playlist of it', async () => {
    const count = (await call('playlists.list', {})).playlists.length;
    await expect(call('playlists.import', { path: join(dir.path, 'nope.m3u') })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    writeFileSync(join(dir.path, 'cover.m3u'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a, 0, 1]));
    await expect(call('playlists.import', { path: join(dir.path, 'cover.m3u') })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(
      call('playlists.export', { playlistId: 1, path: join(dir.path, 'no/such/folder/x.m3u8') }),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(call('playlists.export', { playlistId: 9999, path: join(dir.path, 'x.m3u8') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await call('playlists.list', {})).playlists).toHaveLength(count);
  });

  it("foobar2000's relative Windows paths beside the music, in UTF-8 and in its codepage; a line matched when its file arrives", async () => {
    const legacy = await importBytes(music, 'foobar.m3u', players.foobarLegacyM3u);
    expect(legacy.result).toMatchObject({ encoding: 'windows-1252', matched: { path: 1 }, unmatched: 2 });
    const { result, entries } = await importBytes(music, 'foobar.m3u8', players.foobarM3u8);
    expect(result).toMatchObject({ matched: { path: 1, tail: 0, tags: 0 }, unmatched: 2 });
    expect(entries[0]!.trackId).toBe(trackId('Björk/Homogenic/01 - Hunter.flac'));
    const waiting = join(music, 'Sigur Rós/Ágætis byrjun/02 - Svefn-g-englar.flac');
    expect(entries[1]).toMatchObject({ trackId: null, path: waiting });
    expect(entries[2]).toMatchObject({ trackId: null, path: join(dir.path, 'Podcasts/Episode 12.mp3') });

    await makeAudioFile(waiting, 'flac', { title: 'Svefn-g-englar', artist: 'Sigur Rós' }, 1);
    expect((await core.scanner.start().done).added).toBe(1);
    const after = (await call('playlists.get', { playlistId: result.playlist.id })).entries;
    expect(after[1]).toMatchObject({
      trackId: trackId('Sigur Rós/Ágætis byrjun/02 - Svefn-g-englar.flac'),
      state: 'present',
    });
  });

  it('reattaches a line that matched nothing when a scan adds a track with its title and artist elsewhere', async () => {
    const m3u = "#EXTM3U\n#EXTINF:300,Air - La Femme d'Argent\n/old/pc/Music/Air/Moon Safari/01.mp3\n";
    const { result, entries } = await importBytes(elsewhere, 'old-pc.m3u8', new TextEncoder().encode(m3u));
    expect(result).toMatchObject({ unmatched: 1 });
    expect(entries[0]).toMatchObject({ trackId: null, title: "La Femme d'Argent", artist: 'Air' });

    const arrived = join(music, 'Air/Moon Safari/01 La Femme d’Argent (remaster).flac');
    await makeAudioFile(arrived, 'flac', { title: "LA FEMME D'ARGENT", artist: 'air', album: 'Moon Safari' }, 1);
    expect((await core.scanner.start().done).added).toBe(1);
    const after = (await call('playlists.get', { playlistId: result.playlist.id })).entries;
    expect(after[0]).toMatchObject({
      trackId: core.catalog.db.prepare('SELECT id FROM tracks WHERE path = ?').pluck().get(arrived),
      state: 'present',
    });
  });
});
