import { describe, expect, it } from 'vitest';
import { parseM3u } from '../../../src/main/core/playlists/formats/m3u.ts';
import { parsePlaylist } from '../../../src/main/core/playlists/formats/playlist-file.ts';
import { parsePls } from '../../../src/main/core/playlists/formats/pls.ts';
import { parseXml } from '../../../src/main/core/playlists/formats/xml.ts';
import { parseXspf } from '../../../src/main/core/playlists/formats/xspf.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseM3u', () => {
  it('reads CRLF, LF and lone CR alike, skipping blank lines and padding', () => {
    const expected = [{ location: 'a.mp3' }, { location: 'b.mp3' }, { location: 'c.mp3' }];
    expect(parseM3u('a.mp3\r\n\r\n  b.mp3  \r\nc.mp3')).toEqual(expected);
    expect(parseM3u('a.mp3\n\nb.mp3\nc.mp3\n')).toEqual(expected);
    expect(parseM3u('a.mp3\r\rb.mp3\rc.mp3\r')).toEqual(expected);
  });

  it('applies #EXTINF to the next location only, past other directives and comments', () => {
    expect(
      parseM3u('#EXTM3U\n#EXTINF:12,A - B\n#EXTGRP:x\n# a comment\nb.mp3\nc.mp3\n#EXTINF:5,Tail with no location'),
    ).toEqual([{ location: 'b.mp3', artist: 'A', title: 'B', durationS: 12 }, { location: 'c.mp3' }]);
  });

  it('reads the variants of #EXTINF', () => {
    const [a, b, c, d, e, f] = parseM3u(
      [
        '#EXTINF:-1,Only a title',
        'a',
        '#EXTINF:0,AC - DC - Back in Black',
        'b',
        '#EXTINF:123.5 tvg-id="x" group-title="News, Talk",Station',
        'c',
        '#extinf:7,',
        'd',
        '#EXTINF:abc',
        'e',
        '#EXTINF:30, - Title after an empty artist',
        'f',
      ].join('\n'),
    );
    expect(a).toEqual({ location: 'a', title: 'Only a title' });
    // The first " - " splits; an artist holding " - " cannot be told from a title that does.
    expect(b).toEqual({ location: 'b', artist: 'AC', title: 'DC - Back in Black' });
    expect(c).toEqual({ location: 'c', title: 'Station', durationS: 123.5 });
    expect(d).toEqual({ location: 'd', durationS: 7 });
    expect(e).toEqual({ location: 'e', title: 'abc' });
    expect(f).toEqual({ location: 'f', title: 'Title after an empty artist', durationS: 30 });
  });

  it('reads #EXTALB and #EXTART', () => {
    expect(parseM3u('#EXTART:Björk\n#EXTALB:Homogenic\n#EXTINF:240,Hunter\na.mp3')).toEqual([
      { location: 'a.mp3', artist: 'Björk', album: 'Homogenic', title: 'Hunter', durationS: 240 },
    ]);
  });
});

describe('parsePls', () => {
  it('orders entries by N, tolerates gaps and ignores a stale NumberOfEntries', () => {
    const text = [
      '[playlist]',
      'NumberOfEntries=9',
      'File10=ten.mp3',
      'Title2=Two',
      'File2=two.mp3',
      'file1=one.mp3',
      'Length1=61',
      'Title7=A title with no file',
      'Version=2',
    ].join('\r\n');
    expect(parsePls(text)).toEqual([
      { location: 'one.mp3', durationS: 61 },
      { location: 'two.mp3', title: 'Two' },
      { location: 'ten.mp3' },
    ]);
  });

  it('splits a Winamp "Artist - Title", keeps "=" in values, and reads only the [playlist] section', () => {
    const text = '[other]\nFile1=wrong.mp3\n[Playlist]\nFile1=http://x/?a=b\nTitle1=Björk - Hunter\nLength1=240\n';
    expect(parsePls(text)).toEqual([{ location: 'http://x/?a=b', artist: 'Björk', title: 'Hunter', durationS: 240 }]);
  });

  it('reads keys when the header is missing', () => {
    expect(parsePls('File1=a.mp3\nLength1=x')).toEqual([{ location: 'a.mp3' }]);
  });
});

describe('parseXspf', () => {
  it('reads prefixed XSPF elements, CDATA, numeric entities, comments and several locations', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE playlist>
<x:playlist xmlns:x="http://xspf.org/ns/0/" version="1">
  <!-- <track><location>commented.mp3</location></track> -->
  <x:trackList>
    <x:track>
      <x:location>  </x:location>
      <x:location>file:///a/R%C3%B3s.mp3</x:location>
      <x:location>file:///b/second.mp3</x:location>
      <x:title><![CDATA[Tom & Jerry <live>]]></x:title>
      <x:creator>Caf&#233; &#x41;nd Co &unknown;</x:creator>
      <x:duration>bad</x:duration>
    </x:track>
    <x:track><x:title>No location, skipped</x:title></x:track>
  </x:trackList>
</x:playlist>`;
    expect(parseXspf(text)).toEqual([
      { location: 'file:///a/R%C3%B3s.mp3', title: 'Tom & Jerry <live>', artist: 'Café And Co &unknown;' },
    ]);
  });

  it('survives truncation and stray tags', () => {
    const text =
      '<playlist><trackList><track><location>a.mp3</location></bogus><title>A < B</title></track><track><location>b.mp3';
    expect(parseXspf(text)).toEqual([{ location: 'a.mp3', title: 'A < B' }, { location: 'b.mp3' }]);
  });

  it('answers no entries for XML without a trackList, or none at all', () => {
    expect(parseXspf('<html><body>Not found</body></html>')).toEqual([]);
    expect(parseXspf('')).toEqual([]);
  });
});

describe('parseXml', () => {
  it('reads attributes in either quote, with entities, and self-closing elements', () => {
    const root = parseXml(`<a x='1 &amp; 2' y="&quot;q&quot;"><b/><vlc:c tid="3"/>text</a>`);
    const a = root.children[0]!;
    expect(a.attributes).toEqual({ x: '1 & 2', y: '"q"' });
    expect(a.children.map((c) => [c.prefix, c.name, c.attributes])).toEqual([
      ['', 'b', {}],
      ['vlc', 'c', { tid: '3' }],
    ]);
    expect(a.text).toBe('text');
  });
});

describe('parsePlaylist', () => {
  it('tells the format by content before the file name', () => {
    expect(parsePlaylist(utf8('[playlist]\nFile1=a.mp3\n'), 'misnamed.m3u').format).toBe('pls');
    expect(parsePlaylist(utf8('  <?xml version="1.0"?><playlist/>'), 'list.xml').format).toBe('xspf');
    expect(parsePlaylist(utf8('#EXTM3U\na.mp3'), 'list.pls').format).toBe('m3u');
    expect(parsePlaylist(utf8('File1=a.mp3'), 'headerless.PLS').format).toBe('pls');
    expect(parsePlaylist(utf8('a.mp3'), 'list.txt').format).toBe('m3u');
  });

  it('reads an XSPF as UTF-8 even when misnamed and not valid UTF-8', () => {
    const bytes = Uint8Array.from([
      ...utf8('<playlist><trackList><track><location>R'),
      0xf3,
      ...utf8('s.mp3</location></track></trackList></playlist>'),
    ]);
    expect(parsePlaylist(bytes, 'list.xml')).toEqual({
      format: 'xspf',
      encoding: 'utf-8',
      entries: [{ location: 'R\uFFFDs.mp3' }],
    });
  });
});
