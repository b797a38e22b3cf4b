// XSPF (https://xspf.org/spec): playlist/trackList/track, each with location (a URI), title,
// creator, album and duration in milliseconds. Other elements — VLC's <extension> with its
// vlc:id, image, trackNum, meta — are skipped; only a track's direct children are read, so
// that nothing inside an extension is mistaken for the track's own fields.

import { posix, win32 } from 'node:path';
import type { PlaylistEntry, WriteTarget } from './entry.ts';
import { definedOnly, positiveNumber } from './fields.ts';
import { hasScheme, pathToFileUri } from './file-uri.ts';
import { childrenNamed, escapeXml, parseXml, type XmlElement } from './xml.ts';

export function parseXspf(text: string): PlaylistEntry[] {
  const trackList = findFirst(parseXml(text), 'trackList');
  if (!trackList) return [];
  return childrenNamed(trackList, 'track').flatMap((track) => {
    const field = (name: string) =>
      childrenNamed(track, name)
        .map((e) => e.text.trim())
        .find(Boolean);
    // A track may list several locations, to be tried in turn; the first is the one we resolve.
    const location = field('location');
    if (!location) return [];
    const ms = positiveNumber(field('duration'));
    return [
      definedOnly({
        location,
        title: field('title'),
        artist: field('creator'),
        album: field('album'),
        durationS: ms === undefined ? undefined : ms / 1000,
      }),
    ];
  });
}

function findFirst(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    const found = child.name === name ? child : findFirst(child, name);
    if (found) return found;
  }
  return undefined;
}

/** The text of an .xspf (UTF-8). Paths become absolute file:// URIs: XSPF readers resolve relative ones inconsistently. */
export function writeXspf(entries: readonly PlaylistEntry[], target: WriteTarget): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<playlist version="1" xmlns="http://xspf.org/ns/0/">',
    '  <trackList>',
  ];
  for (const entry of entries) {
    out.push('    <track>', `      <location>${escapeXml(uriOf(entry.location, target))}</location>`);
    if (entry.title) out.push(`      <title>${escapeXml(entry.title)}</title>`);
    if (entry.artist) out.push(`      <creator>${escapeXml(entry.artist)}</creator>`);
    if (entry.album) out.push(`      <album>${escapeXml(entry.album)}</album>`);
    if (entry.durationS !== undefined) out.push(`      <duration>${Math.round(entry.durationS * 1000)}</duration>`);
    out.push('    </track>');
  }
  out.push('  </trackList>', '</playlist>');
  return `${out.join('\n')}\n`;
}

function uriOf(location: string, target: WriteTarget): string {
  if (hasScheme(location)) return location;
  const path = target.platform === 'win32' ? win32 : posix;
  return pathToFileUri(path.resolve(target.dir, location), target.platform);
}
