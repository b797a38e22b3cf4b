// A playlist file's bytes to entries and back. The format is told by the content first and the
// file name second, because files are misnamed (.m3u holding PLS, XSPF saved as .xml) and the
// content is unambiguous: XML starts with "<", PLS with its [playlist] header.

import { decodePlaylistBytes } from './decode.ts';
import type { PlaylistEntry, PlaylistFormat, WriteTarget } from './entry.ts';
import { parseM3u, writeM3u8 } from './m3u.ts';
import { parsePls, writePls } from './pls.ts';
import { parseXspf, writeXspf } from './xspf.ts';

const parsers = { m3u: parseM3u, pls: parsePls, xspf: parseXspf } satisfies Record<
  PlaylistFormat,
  (text: string) => PlaylistEntry[]
>;

export function parsePlaylist(bytes: Uint8Array, fileName: string) {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let decoded = decodePlaylistBytes(bytes, { utf8: extension === 'm3u8' || extension === 'xspf' });
  const format = formatOf(decoded.text, extension);
  // XSPF is UTF-8 whatever the file is called; a misnamed one must not be read as a codepage.
  if (format === 'xspf' && decoded.encoding.startsWith('windows-'))
    decoded = decodePlaylistBytes(bytes, { utf8: true });
  return { format, encoding: decoded.encoding, entries: parsers[format](decoded.text) };
}

function formatOf(text: string, extension: string): PlaylistFormat {
  const start = text.trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<')) return 'xspf';
  if (start.startsWith('[playlist]')) return 'pls';
  if (start.startsWith('#extm3u')) return 'm3u';
  if (extension === 'pls') return 'pls';
  if (extension === 'xspf') return 'xspf';
  return 'm3u';
}

/** The bytes of a playlist file: UTF-8 without a BOM, whatever the format. */
export function writePlaylist(format: PlaylistFormat, entries: readonly PlaylistEntry[], target: WriteTarget) {
  const text =
    format === 'pls'
      ? writePls(entries, target)
      : format === 'xspf'
        ? writeXspf(entries, target)
        : writeM3u8(entries, target);
  return new TextEncoder().encode(text);
}
