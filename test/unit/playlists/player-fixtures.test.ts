import { describe, expect, it } from 'vitest';
import { resolveLocation } from '../../../src/main/core/playlists/formats/location.ts';
import { parsePlaylist } from '../../../src/main/core/playlists/formats/playlist-file.ts';
import {
  foobarLegacyM3u,
  foobarM3u8,
  musicBeeM3u8,
  strawberryPls,
  strawberryXspf,
  vlcM3u,
  vlcXspf,
} from './player-fixtures.ts';

const resolveAll = (entries: { location: string }[], dir: string, uriReference = false) =>
  entries.map((entry) => resolveLocation(entry.location, { dir, platform: 'posix', uriReference }));

describe('foobar2000', () => {
  it('reads a BOM-marked .m3u8 of bare relative paths with backslashes', () => {
    const { format, encoding, entries } = parsePlaylist(foobarM3u8, 'Favourites.m3u8');
    expect({ format, encoding }).toEqual({ format: 'm3u', encoding: 'utf-8' });
    expect(entries).toEqual([
      { location: 'Björk\\Homogenic\\01 - Hunter.flac' },
      { location: 'Sigur Rós\\Ágætis byrjun\\02 - Svefn-g-englar.flac' },
      { location: '..\\Podcasts\\Episode 12.mp3' },
    ]);
    expect(resolveAll(entries, '/home/ana/Music')).toEqual([
      { kind: 'file', path: '/home/ana/Music/Björk/Homogenic/01 - Hunter.flac' },
      { kind: 'file', path: '/home/ana/Music/Sigur Rós/Ágætis byrjun/02 - Svefn-g-englar.flac' },
      { kind: 'file', path: '/home/ana/Podcasts/Episode 12.mp3' },
    ]);
  });

  it('reads a legacy .m3u in windows-1252', () => {
    const { format, encoding, entries } = parsePlaylist(foobarLegacyM3u, 'Old.m3u');
    expect({ format, encoding }).toEqual({ format: 'm3u', encoding: 'windows-1252' });
    expect(entries.map((e) => e.location)).toEqual([
      'Björk\\Homogenic\\01 - Hunter.flac',
      'Motörhead\\Ace of Spades\\01 - Ace of Spades.mp3',
      'Café Tacvba\\Re\\03 - Ingrata.mp3',
    ]);
  });
});

describe('MusicBee', () => {
  it('reads #EXTINF lengths and "Artist - Title", and gives Windows paths a tail to match by', () => {
    const { format, encoding, entries } = parsePlaylist(musicBeeM3u8, 'Road trip.m3u8');
    expect({ format, encoding }).toEqual({ format: 'm3u', encoding: 'utf-8' });
    expect(entries).toEqual([
      {
        location: 'D:\\Music\\Radiohead\\OK Computer\\02 Paranoid Android.mp3',
        artist: 'Radiohead',
        title: 'Paranoid Android',
        durationS: 383,
      },
      {
        location: 'D:\\Music\\Sigur Rós\\Ágætis byrjun\\02 Svefn-g-englar.flac',
        artist: 'Sigur Rós',
        title: 'Svefn-g-englar',
        durationS: 607,
      },
      {
        location: '\\\\NAS\\music\\Daft Punk\\Discovery\\04 Harder, Better, Faster, Stronger.flac',
        artist: 'Daft Punk',
        title: 'Harder, Better, Faster, Stronger',
        durationS: 215,
      },
    ]);
    expect(resolveAll(entries, '/home/ana/Playlists')).toEqual([
      {
        kind: 'foreign',
        path: 'D:\\Music\\Radiohead\\OK Computer\\02 Paranoid Android.mp3',
        tail: 'Music/Radiohead/OK Computer/02 Paranoid Android.mp3',
      },
      {
        kind: 'foreign',
        path: 'D:\\Music\\Sigur Rós\\Ágætis byrjun\\02 Svefn-g-englar.flac',
        tail: 'Music/Sigur Rós/Ágætis byrjun/02 Svefn-g-englar.flac',
      },
      {
        kind: 'foreign',
        path: '\\\\NAS\\music\\Daft Punk\\Discovery\\04 Harder, Better, Faster, Stronger.flac',
        tail: 'Daft Punk/Discovery/04 Harder, Better, Faster, Stronger.flac',
      },
    ]);
  });
});

describe('VLC', () => {
  it('reads an .xspf: decoded file URIs, ms durations, extensions and the playlist title ignored', () => {
    const { format, encoding, entries } = parsePlaylist(vlcXspf, 'vlc.xspf');
    expect({ format, encoding }).toEqual({ format: 'xspf', encoding: 'utf-8' });
    expect(entries).toEqual([
      {
        location: 'file:///home/ana/Music/Sigur%20R%C3%B3s/%C3%81g%C3%A6tis%20byrjun/01%20Intro.flac',
        title: 'Intro',
        artist: 'Sigur Rós',
        album: 'Ágætis byrjun',
        durationS: 96.24,
      },
      {
        location: 'file:///home/ana/Music/AC%E2%88%95DC%20%26%20Friends/100%25%20%23Hits%3F.mp3',
        title: 'Back in Black',
        artist: 'AC/DC',
        durationS: 255,
      },
      { location: 'http://stream.radioparadise.com/flac', title: 'Radio Paradise' },
    ]);
    expect(resolveAll(entries, '/home/ana', true)).toEqual([
      { kind: 'file', path: '/home/ana/Music/Sigur Rós/Ágætis byrjun/01 Intro.flac' },
      { kind: 'file', path: '/home/ana/Music/AC∕DC & Friends/100% #Hits?.mp3' },
      { kind: 'url', url: 'http://stream.radioparadise.com/flac' },
    ]);
  });

  it('reads an .m3u in UTF-8 and skips #EXTVLCOPT', () => {
    const { format, encoding, entries } = parsePlaylist(vlcM3u, 'vlc.m3u');
    expect({ format, encoding }).toEqual({ format: 'm3u', encoding: 'utf-8' });
    expect(entries).toEqual([
      {
        location: '/home/ana/Music/Radiohead/OK Computer/02 Paranoid Android.mp3',
        artist: 'Radiohead',
        title: 'Paranoid Android',
        durationS: 383,
      },
      {
        location: '/home/ana/Music/Sigur Rós/Ágætis byrjun/01 Intro.flac',
        artist: 'Sigur Rós',
        title: 'Intro',
        durationS: 96,
      },
      { location: 'http://stream.radioparadise.com/flac', title: 'Radio Paradise' },
    ]);
    expect(resolveAll(entries, '/tmp')[1]).toEqual({
      kind: 'file',
      path: '/home/ana/Music/Sigur Rós/Ágætis byrjun/01 Intro.flac',
    });
  });
});

describe('Strawberry', () => {
  it('reads an .xspf of percent-encoded paths, relative and absolute, with entities in the text', () => {
    const { format, entries } = parsePlaylist(strawberryXspf, 'Mix.xspf');
    expect(format).toBe('xspf');
    expect(entries).toEqual([
      {
        location: 'Simon %26 Garfunkel/Bookends/07 America.flac',
        title: 'America',
        artist: 'Simon & Garfunkel',
        album: 'Bookends',
        durationS: 215.466,
      },
      {
        location: '/mnt/nas/Music/Sigur R%C3%B3s/( )/01 Untitled 1.flac',
        title: 'Untitled #1 "Vaka"',
        artist: 'Sigur Rós',
        album: '( )',
        durationS: 399,
      },
    ]);
    expect(resolveAll(entries, '/home/ana/Music', true)).toEqual([
      { kind: 'file', path: '/home/ana/Music/Simon & Garfunkel/Bookends/07 America.flac' },
      { kind: 'file', path: '/mnt/nas/Music/Sigur Rós/( )/01 Untitled 1.flac' },
    ]);
  });

  it('reads a .pls: titles alone, lengths in seconds, -1 as unknown, a stream kept as a URL', () => {
    const { format, encoding, entries } = parsePlaylist(strawberryPls, 'Mix.pls');
    expect({ format, encoding }).toEqual({ format: 'pls', encoding: 'utf-8' });
    expect(entries).toEqual([
      { location: 'Simon & Garfunkel/Bookends/07 America.flac', title: 'America', durationS: 215 },
      { location: '/mnt/nas/Music/Sigur Rós/( )/01 Untitled 1.flac', title: 'Untitled #1', durationS: 399 },
      { location: 'http://stream.radioparadise.com/flac', title: 'Radio Paradise' },
    ]);
    expect(resolveAll(entries, '/home/ana/Music')).toEqual([
      { kind: 'file', path: '/home/ana/Music/Simon & Garfunkel/Bookends/07 America.flac' },
      { kind: 'file', path: '/mnt/nas/Music/Sigur Rós/( )/01 Untitled 1.flac' },
      { kind: 'url', url: 'http://stream.radioparadise.com/flac' },
    ]);
  });
});
