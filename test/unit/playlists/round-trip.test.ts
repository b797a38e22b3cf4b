import { describe, expect, it } from 'vitest';
import type { PlaylistEntry, PlaylistFormat } from '../../../src/main/core/playlists/formats/entry.ts';
import { resolveLocation } from '../../../src/main/core/playlists/formats/location.ts';
import { parsePlaylist, writePlaylist } from '../../../src/main/core/playlists/formats/playlist-file.ts';

const dir = '/home/ana/Music/Playlists';
const target = { dir, platform: 'posix' as const };

const entries: PlaylistEntry[] = [
  {
    location: '/home/ana/Music/Playlists/Sigur Rós/Ágætis byrjun/01 Intro.flac',
    artist: 'Sigur Rós',
    title: 'Intro',
    album: 'Ágætis byrjun',
    durationS: 96,
  },
  {
    location: '/mnt/nas/Simon & Garfunkel/100% #1? <Live> "quoted" \'single\'.mp3',
    artist: 'Simon & Garfunkel',
    title: 'America <Live> "quoted"',
    durationS: 215,
  },
  { location: '/home/ana/Music/東京事変/🎵 a;b,c=d+e.mp3', title: '群青日和' },
  { location: '/home/ana/Music/no metadata.mp3' },
  { location: 'https://stream.example/live?x=1&y=2', title: 'A stream' },
];

const formats: { format: PlaylistFormat; name: string }[] = [
  { format: 'm3u', name: 'mix.m3u8' },
  { format: 'pls', name: 'mix.pls' },
  { format: 'xspf', name: 'mix.xspf' },
];

describe.each(formats)('$format written and read back', ({ format, name }) => {
  const written = writePlaylist(format, entries, target);
  const read = parsePlaylist(written, name);
  const uriReference = format === 'xspf';

  it('is UTF-8 without a BOM, of the same format', () => {
    expect(written.slice(0, 3)).not.toEqual(Uint8Array.of(0xef, 0xbb, 0xbf));
    expect({ format: read.format, encoding: read.encoding }).toEqual({ format, encoding: 'utf-8' });
  });

  it('gives the same paths, titles, artists and durations', () => {
    const back = read.entries.map(({ location, ...fields }) => {
      const resolved = resolveLocation(location, { ...target, uriReference });
      return {
        location: resolved.kind === 'file' ? resolved.path : resolved.kind === 'url' ? resolved.url : '',
        ...fields,
      };
    });
    // Only M3U (#EXTALB) and XSPF carry an album; PLS has no place for one.
    expect(back).toEqual(format === 'pls' ? entries.map(({ album: _album, ...rest }) => rest) : entries);
  });
});

describe('what the writers write', () => {
  it('M3U8: #EXTM3U, #EXTINF with seconds, paths relative under the folder and absolute elsewhere', () => {
    const text = new TextDecoder().decode(
      writePlaylist(
        'm3u',
        [
          { location: '/home/ana/Music/Playlists/Artist/a.mp3', artist: 'Artist', title: 'A', durationS: 61.6 },
          { location: '/home/ana/Music/Other/b.mp3', title: 'Line\r\nbreak' },
          { location: '/home/ana/Music/Playlists/c.mp3', artist: 'Only an artist' },
          { location: 'http://x/y' },
        ],
        target,
      ),
    );
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXTINF:62,Artist - A',
        'Artist/a.mp3',
        '#EXTINF:-1,Line break',
        '/home/ana/Music/Other/b.mp3',
        '#EXTART:Only an artist',
        'c.mp3',
        'http://x/y',
        '',
      ].join('\n'),
    );
  });

  it('PLS: numbered keys, -1 for an unknown length, the count and version last', () => {
    const text = new TextDecoder().decode(
      writePlaylist(
        'pls',
        [{ location: '/home/ana/Music/Playlists/a.mp3', title: 'A' }, { location: '/b.mp3' }],
        target,
      ),
    );
    expect(text).toBe(
      [
        '[playlist]',
        'File1=a.mp3',
        'Title1=A',
        'Length1=-1',
        'File2=/b.mp3',
        'Length2=-1',
        'NumberOfEntries=2',
        'Version=2',
        '',
      ].join('\n'),
    );
  });

  it('XSPF: escaped text, absolute percent-encoded file URIs, durations in ms', () => {
    const text = new TextDecoder().decode(
      writePlaylist(
        'xspf',
        [{ location: 'Sigur Rós/a&b #1.mp3', title: 'Tom & Jerry <3\u0007', durationS: 1.2345 }],
        target,
      ),
    );
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
        '  <trackList>',
        '    <track>',
        '      <location>file:///home/ana/Music/Playlists/Sigur%20R%C3%B3s/a%26b%20%231.mp3</location>',
        '      <title>Tom &amp; Jerry &lt;3</title>',
        '      <duration>1235</duration>',
        '    </track>',
        '  </trackList>',
        '</playlist>',
        '',
      ].join('\n'),
    );
  });

  it('XSPF on Windows: drive paths as file:///C:/ URIs', () => {
    const text = new TextDecoder().decode(
      writePlaylist('xspf', [{ location: 'D:\\Music\\Björk\\a b.mp3' }], { dir: 'C:\\Lists', platform: 'win32' }),
    );
    expect(text).toContain('<location>file:///D:/Music/Bj%C3%B6rk/a%20b.mp3</location>');
  });
});
