// M3U and M3U8: one location a line, "#" lines are comments or directives. Of the directives
// only #EXTINF (length and "Artist - Title" of the next location) is read, plus #EXTALB and
// #EXTART, which some players add and which survive our own round trip; players' private
// ones (#EXTVLCOPT, #EXTGRP, #PLAYLIST…) are skipped.

import type { PlaylistEntry, WriteTarget } from './entry.ts';
import { definedOnly, joinDisplayTitle, lines, oneLine, positiveNumber, splitDisplayTitle } from './fields.ts';
import { locationForWriting } from './relative-path.ts';

// "#EXTINF:123,Artist - Title", and the IPTV form with attributes before the comma, whose
// quoted values may hold commas of their own: #EXTINF:-1 tvg-name="a, b",Title.
const extinf = /^#EXTINF:\s*([-+]?[0-9.]*)((?:\s*[^\s=,]+="[^"]*")*)\s*,?(.*)$/i;

export function parseM3u(text: string): PlaylistEntry[] {
  const entries: PlaylistEntry[] = [];
  let pending: Omit<PlaylistEntry, 'location'> = {};
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const info = extinf.exec(line);
      if (info) {
        const durationS = positiveNumber(info[1]);
        pending = { ...pending, ...splitDisplayTitle(info[3]!), ...(durationS !== undefined && { durationS }) };
      } else if (/^#EXTALB:/i.test(line)) pending.album = line.slice(8).trim() || undefined;
      else if (/^#EXTART:/i.test(line)) pending.artist = line.slice(8).trim() || undefined;
      continue;
    }
    entries.push(definedOnly({ location: line, ...pending }));
    pending = {};
  }
  return entries;
}

/**
 * The text of an .m3u8, which the caller writes as UTF-8 (no BOM: some hardware players choke
 * on one). Locations are absolute paths or URLs; see relative-path.ts for how they are written.
 */
export function writeM3u8(entries: readonly PlaylistEntry[], target: WriteTarget): string {
  const out = ['#EXTM3U'];
  for (const entry of entries) {
    const display = joinDisplayTitle(entry);
    if (display !== undefined || entry.durationS !== undefined) {
      const seconds = entry.durationS === undefined ? -1 : Math.round(entry.durationS);
      out.push(`#EXTINF:${seconds},${oneLine(display ?? '')}`);
    }
    if (entry.album) out.push(`#EXTALB:${oneLine(entry.album)}`);
    // An artist without a title has no place in #EXTINF's "Artist - Title".
    if (entry.artist && !entry.title) out.push(`#EXTART:${oneLine(entry.artist)}`);
    out.push(oneLine(locationForWriting(entry.location, target.dir, target.platform)));
  }
  return `${out.join('\n')}\n`;
}
