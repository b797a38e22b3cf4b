// PLS: an INI file with one [playlist] section of FileN, TitleN and LengthN keys. Entries come
// in the order of N, not of the lines, and gaps in N are skipped: writers renumber lazily.
// NumberOfEntries and Version are not trusted (they are often stale) and only written.

import type { PlaylistEntry, WriteTarget } from './entry.ts';
import { definedOnly, joinDisplayTitle, lines, oneLine, positiveNumber, splitDisplayTitle } from './fields.ts';
import { locationForWriting } from './relative-path.ts';

export function parsePls(text: string): PlaylistEntry[] {
  const byNumber = new Map<number, { file?: string; title?: string; length?: string }>();
  let section: string | undefined;
  for (const raw of lines(text)) {
    const line = raw.trim();
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      continue;
    }
    // Keys before any header are read too: some writers leave the header out.
    if (section !== undefined && section !== 'playlist') continue;
    const key = /^(file|title|length)\s*(\d+)\s*=(.*)$/i.exec(line);
    if (!key) continue;
    const n = Number(key[2]);
    const fields = byNumber.get(n) ?? {};
    fields[key[1]!.toLowerCase() as 'file' | 'title' | 'length'] = key[3]!.trim();
    byNumber.set(n, fields);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, { file, title, length }]) =>
      file
        ? [definedOnly({ location: file, ...splitDisplayTitle(title ?? ''), durationS: positiveNumber(length) })]
        : [],
    );
}

export function writePls(entries: readonly PlaylistEntry[], target: WriteTarget): string {
  const out = ['[playlist]'];
  entries.forEach((entry, i) => {
    const n = i + 1;
    out.push(`File${n}=${oneLine(locationForWriting(entry.location, target.dir, target.platform))}`);
    const display = joinDisplayTitle(entry);
    if (display !== undefined) out.push(`Title${n}=${oneLine(display)}`);
    out.push(`Length${n}=${entry.durationS === undefined ? -1 : Math.round(entry.durationS)}`);
  });
  out.push(`NumberOfEntries=${entries.length}`, 'Version=2');
  return `${out.join('\n')}\n`;
}
