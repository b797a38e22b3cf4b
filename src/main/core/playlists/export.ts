// A playlist out to a file other players read. Paths under the file's folder are written
// relative to it (formats/relative-path.ts), so a playlist saved beside its music moves with it.
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { PlaylistEntryRow, PlaylistFileFormat } from '../../../shared/domain.ts';
import { TonearmError } from '../../../shared/result.ts';
import { fileProblem } from './file-problem.ts';
import type { Platform, PlaylistEntry, PlaylistFormat } from './formats/entry.ts';
import { definedOnly } from './formats/fields.ts';
import { pathToFileUri } from './formats/file-uri.ts';
import { writePlaylist } from './formats/playlist-file.ts';
import { hostPlatform } from './import.ts';
import { errorCode } from '../../../shared/error-text.ts';

const WRITERS: Record<PlaylistFileFormat, PlaylistFormat> = { m3u8: 'm3u', pls: 'pls', xspf: 'xspf' };

/** The format a file's name asks for; M3U8 (UTF-8, read by every player) when it names none. */
export function formatForFile(file: string): PlaylistFileFormat {
  const ext = extname(file).toLowerCase();
  return ext === '.pls' ? 'pls' : ext === '.xspf' ? 'xspf' : 'm3u8';
}

/** Missing entries are written too, by their remembered path: the file keeps every line the playlist has. */
export async function exportPlaylist(
  entries: readonly PlaylistEntryRow[],
  file: string,
  format: PlaylistFileFormat = formatForFile(file),
): Promise<{ path: string; format: PlaylistFileFormat; entries: number }> {
  const path = resolve(file);
  const platform = hostPlatform();
  const lines: PlaylistEntry[] = entries.map((entry) =>
    definedOnly({
      location: format === 'xspf' ? foreignAsUri(entry.path, platform) : entry.path,
      title: entry.title ?? undefined,
      artist: entry.artist ?? undefined,
      album: entry.album ?? undefined,
      durationS: entry.durationS ?? undefined,
    }),
  );
  const bytes = writePlaylist(WRITERS[format], lines, { dir: dirname(path), platform });
  // Written aside and renamed: a full disk or a crash never leaves half a playlist in its place.
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    const code = errorCode(err);
    throw new TonearmError(
      code === 'ENOSPC' ? 'DISK_FULL' : 'FILE_UNREADABLE',
      `Cannot write ${path}: ${fileProblem(err, true)}`,
    );
  }
  return { path, format, entries: lines.length };
}

/**
 * A missing entry imported from Windows remembers a Windows path. XSPF's writer makes every path
 * a file URI resolved against the playlist's folder, which would turn "D:\Music\x.flac" into a
 * local path under it: written as a Windows file URI it stays the path it was.
 */
function foreignAsUri(location: string, platform: Platform): string {
  return platform === 'posix' && /^(?:[a-z]:[\\/]|\\\\)/i.test(location) ? pathToFileUri(location, 'win32') : location;
}
