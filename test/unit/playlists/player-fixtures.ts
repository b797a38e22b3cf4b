// Playlist files in the shapes real players write them, built in code so that every byte (BOM,
// codepage, line ending) is the one under test. Each says which player it imitates.

const utf8Bom = [0xef, 0xbb, 0xbf];

/** Text to bytes in a single-byte Windows codepage, by inverting TextDecoder's table. */
export function encodeCodepage(text: string, codepage: 'windows-1252' | 'windows-1251'): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(codepage);
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => Uint8Array.from([...utf8Bom, ...utf8(text)]);
const crlf = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join('');

/**
 * foobar2000's "Save playlist" as .m3u8: a UTF-8 BOM, CRLF, no #EXTM3U or #EXTINF, and paths
 * relative to the playlist's folder with backslashes (it was saved on Windows into the music
 * folder itself, then the folder was copied to Linux).
 */
export const foobarM3u8 = withBom(
  crlf(
    'Björk\\Homogenic\\01 - Hunter.flac',
    'Sigur Rós\\Ágætis byrjun\\02 - Svefn-g-englar.flac',
    '..\\Podcasts\\Episode 12.mp3',
  ),
);

/** foobar2000's legacy .m3u: the same shape, in the Windows ANSI codepage (windows-1252), no BOM. */
export const foobarLegacyM3u = encodeCodepage(
  crlf(
    'Björk\\Homogenic\\01 - Hunter.flac',
    'Motörhead\\Ace of Spades\\01 - Ace of Spades.mp3',
    'Café Tacvba\\Re\\03 - Ingrata.mp3',
  ),
  'windows-1252',
);

/**
 * MusicBee's "Export playlist" (.m3u8, UTF-8, no BOM, CRLF): #EXTM3U, #EXTINF with seconds and
 * "Artist - Title", absolute Windows paths, here a drive and a NAS share.
 */
export const musicBeeM3u8 = utf8(
  crlf(
    '#EXTM3U',
    '#EXTINF:383,Radiohead - Paranoid Android',
    'D:\\Music\\Radiohead\\OK Computer\\02 Paranoid Android.mp3',
    '#EXTINF:607,Sigur Rós - Svefn-g-englar',
    'D:\\Music\\Sigur Rós\\Ágætis byrjun\\02 Svefn-g-englar.flac',
    '#EXTINF:215,Daft Punk - Harder, Better, Faster, Stronger',
    '\\\\NAS\\music\\Daft Punk\\Discovery\\04 Harder, Better, Faster, Stronger.flac',
  ),
);

/**
 * VLC's "Save playlist" as .xspf on Linux: file:/// URIs percent-encoded (UTF-8), durations in
 * ms, trackNum, and VLC's <extension> elements with vlc:id inside each track and vlc:item in a
 * playlist-level extension; the playlist's own <title> must not become a track's. A stream is
 * kept as its http URL. "AC∕DC" is spelt with U+2215, as file names do where "/" cannot go.
 */
export const vlcXspf = utf8(`<?xml version="1.0" encoding="UTF-8"?>
<playlist xmlns="http://xspf.org/ns/0/" xmlns:vlc="http://www.videolan.org/vlc/playlist/ns/0/" version="1">
\t<title>Playlist</title>
\t<trackList>
\t\t<track>
\t\t\t<location>file:///home/ana/Music/Sigur%20R%C3%B3s/%C3%81g%C3%A6tis%20byrjun/01%20Intro.flac</location>
\t\t\t<title>Intro</title>
\t\t\t<creator>Sigur Rós</creator>
\t\t\t<album>Ágætis byrjun</album>
\t\t\t<trackNum>1</trackNum>
\t\t\t<duration>96240</duration>
\t\t\t<extension application="http://www.videolan.org/vlc/playlist/0">
\t\t\t\t<vlc:id>0</vlc:id>
\t\t\t</extension>
\t\t</track>
\t\t<track>
\t\t\t<location>file:///home/ana/Music/AC%E2%88%95DC%20%26%20Friends/100%25%20%23Hits%3F.mp3</location>
\t\t\t<title>Back in Black</title>
\t\t\t<creator>AC/DC</creator>
\t\t\t<duration>255000</duration>
\t\t\t<extension application="http://www.videolan.org/vlc/playlist/0">
\t\t\t\t<vlc:id>1</vlc:id>
\t\t\t\t<vlc:option>start-time=10</vlc:option>
\t\t\t</extension>
\t\t</track>
\t\t<track>
\t\t\t<location>http://stream.radioparadise.com/flac</location>
\t\t\t<title>Radio Paradise</title>
\t\t\t<extension application="http://www.videolan.org/vlc/playlist/0">
\t\t\t\t<vlc:id>2</vlc:id>
\t\t\t</extension>
\t\t</track>
\t</trackList>
\t<extension application="http://www.videolan.org/vlc/playlist/0">
\t\t<vlc:item tid="0"/>
\t\t<vlc:item tid="1"/>
\t\t<vlc:item tid="2"/>
\t</extension>
</playlist>
`);

/**
 * VLC's "Save playlist" as .m3u: UTF-8 (VLC writes UTF-8 whatever the extension), LF, #EXTINF,
 * and #EXTVLCOPT lines between an entry's #EXTINF and its location; plain paths for local files.
 */
export const vlcM3u = utf8(
  [
    '#EXTM3U',
    '#EXTINF:383,Radiohead - Paranoid Android',
    '#EXTVLCOPT:start-time=10',
    '#EXTVLCOPT:stop-time=200',
    '/home/ana/Music/Radiohead/OK Computer/02 Paranoid Android.mp3',
    '#EXTINF:96,Sigur Rós - Intro',
    '/home/ana/Music/Sigur Rós/Ágætis byrjun/01 Intro.flac',
    '#EXTINF:-1,Radio Paradise',
    '#EXTVLCOPT:network-caching=1000',
    'http://stream.radioparadise.com/flac',
    '',
  ].join('\n'),
);

/**
 * Strawberry's .xspf: location, title, creator, album, duration (ms) and image per track, four
 * spaces of indent. Its locations are percent-encoded paths with "/" and " " left as they are,
 * relative to the playlist when under its folder, absolute otherwise.
 */
export const strawberryXspf = utf8(`<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
    <trackList>
        <track>
            <location>Simon %26 Garfunkel/Bookends/07 America.flac</location>
            <title>America</title>
            <creator>Simon &amp; Garfunkel</creator>
            <album>Bookends</album>
            <duration>215466</duration>
            <image>/home/ana/Music/Simon &amp; Garfunkel/Bookends/cover.jpg</image>
        </track>
        <track>
            <location>/mnt/nas/Music/Sigur R%C3%B3s/( )/01 Untitled 1.flac</location>
            <title>Untitled #1 &quot;Vaka&quot;</title>
            <creator>Sigur Rós</creator>
            <album>( )</album>
            <duration>399000</duration>
        </track>
    </trackList>
</playlist>
`);

/**
 * Strawberry's .pls: [playlist], Version and NumberOfEntries first, then FileN, TitleN (the
 * title alone, no artist) and LengthN in seconds, -1 when unknown; LF.
 */
export const strawberryPls = utf8(
  [
    '[playlist]',
    'Version=2',
    'NumberOfEntries=3',
    'File1=Simon & Garfunkel/Bookends/07 America.flac',
    'Title1=America',
    'Length1=215',
    'File2=/mnt/nas/Music/Sigur Rós/( )/01 Untitled 1.flac',
    'Title2=Untitled #1',
    'Length2=399',
    'File3=http://stream.radioparadise.com/flac',
    'Title3=Radio Paradise',
    'Length3=-1',
    '',
  ].join('\n'),
);
