// A playlist file into the catalog: read, parsed, each line resolved against the file's folder
// and matched to a track. Every line that names something is kept, matched or not.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { PlaylistImport } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import { fileProblem } from './file-problem.ts';
import type { NewEntry } from '../catalog/playlists.ts';
import type { Platform } from './formats/entry.ts';
import { resolveLocation } from './formats/location.ts';
import { parsePlaylist } from './formats/playlist-file.ts';
import { TrackMatcher, type TrackSource } from './match.ts';
import { errorMessage } from '../../../shared/error-text.ts';

export interface ImportPlan {
  name: string;
  format: PlaylistImport['format'];
  encoding: string;
  entries: NewEntry[];
  matched: PlaylistImport['matched'];
  unmatched: number;
}

export const hostPlatform = (): Platform => (process.platform === 'win32' ? 'win32' : 'posix');

/** Reads and matches; writes nothing, so a file that cannot be read leaves no empty playlist behind. */
export async function planImport(
  file: string,
  tracks: TrackSource,
  options: { name?: string; platform?: Platform } = {},
): Promise<ImportPlan> {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new TonearmError('FILE_UNREADABLE', `Cannot read the playlist ${path}: ${fileProblem(err, false)}`);
  }
  let parsed: ReturnType<typeof parsePlaylist>;
  try {
    parsed = parsePlaylist(bytes, path);
  } catch (err) {
    throw new TonearmError('BAD_INPUT', `${path} is not a playlist Tonearm can read: ${errorMessage(err)}`);
  }
  // Binary garbage read as M3U would be a playlist of nonsense lines: a NUL never belongs in one.
  if (parsed.entries.some((entry) => entry.location.includes('\u0000')))
    throw new TonearmError('BAD_INPUT', `${path} is not a playlist (M3U, M3U8, PLS or XSPF)`);
  const base = {
    dir: dirname(path),
    platform: options.platform ?? hostPlatform(),
    uriReference: parsed.format === 'xspf',
  };
  const matcher = new TrackMatcher(tracks);
  const matched = { path: 0, tail: 0, tags: 0 };
  let unmatched = 0;
  const entries: NewEntry[] = [];
  for (const entry of parsed.entries) {
    const location = resolveLocation(entry.location, base);
    if (location.kind === 'empty') continue;
    const { trackId, by } = matcher.match(location, entry);
    if (by) matched[by]++;
    else unmatched++;
    entries.push({
      trackId,
      path: location.kind === 'url' ? location.url : location.path,
      title: entry.title ?? null,
      artist: entry.artist ?? null,
      album: entry.album ?? null,
      durationS: entry.durationS ?? null,
    });
  }
  const name = options.name?.trim() || basename(path).replace(/\.[^.]+$/, '') || 'Imported playlist';
  return { name, format: parsed.format, encoding: parsed.encoding, entries, matched, unmatched };
}
