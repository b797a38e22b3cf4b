import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dataPaths } from '../core/paths.ts';
import { errorMessage } from '../../shared/error-text.ts';

export class UsageError extends Error {}

export const USAGE = `Usage:
  tonearm scan DIR... [--db FILE] [--workers N] [--json]
  tonearm query [--db FILE] [--search TEXT] [--sort FIELD] [--limit N] --json
  tonearm serve [--db FILE] [--port N]
  tonearm backup [--db FILE]
  tonearm restore [FILE] [--db FILE]
  tonearm playlist list [--db FILE] [--json]
  tonearm playlist export ID FILE [--format m3u8|pls|xspf] [--db FILE]
  tonearm playlist import FILE [--name NAME] [--db FILE] [--json]
  tonearm tag set [--title T] [--album A] [--FIELD VALUE...] [--db FILE] [--json] FILE...|--id N...
  tonearm tag show [--db FILE] [--json] FILE...|--id N...
  tonearm similar --id N [--id M...] [--limit K] [--db FILE] [--json]`;

const DB_HELP = `  --db FILE     the catalog (default: the desktop app's, in ~/.config/Tonearm; TONEARM_DATA_DIR moves it)`;

/** `tonearm COMMAND --help`: what the command does and each of its options. */
export const COMMAND_HELP: Record<string, string> = {
  scan: `tonearm scan DIR... [--db FILE] [--workers N] [--json]
Import or rescan these folders into the catalog (made if it does not exist yet).
${DB_HELP}
  --workers N   parser threads (default: one per core)
  --json        print one summary object on stdout`,
  query: `tonearm query [--db FILE] [--search TEXT] [--sort FIELD] [--limit N] --json
Print the catalog's tracks as one JSON array.
${DB_HELP}
  --search TEXT the search box's language: bjork, artist:"sigur ros", year:1990..1999
  --sort FIELD  any Songs column, optionally :desc (artist, year:desc, added...)
  --limit N     at most N tracks`,
  serve: `tonearm serve [--db FILE] [--port N]
Serve the app and its API on 127.0.0.1; prints "Tonearm at http://127.0.0.1:PORT/?token=TOKEN".
${DB_HELP}
  --port N      the port (default: any free one); a --db FILE that does not exist is refused
                (only the app's own catalog is made on a first start)`,
  backup: `tonearm backup [--db FILE]
Write a backup of the catalog now (SQLite's online backup: Tonearm may be running) into
backups/ beside it, and print its path. The oldest beyond catalog.backupsKept are removed.
A damaged catalog is refused: it would push a good backup out.
${DB_HELP}`,
  restore: `tonearm restore [FILE] [--db FILE]
Put a backup in the catalog's place, with Tonearm closed: FILE, or else the newest backup in
backups/ that passes SQLite's quick_check. The catalog it replaces is kept beside it as
catalog.sqlite.damaged-DATE (or .replaced-DATE when it was whole), never deleted.
${DB_HELP}`,
  playlist: `tonearm playlist list [--db FILE] [--json]
tonearm playlist export ID FILE [--format m3u8|pls|xspf] [--db FILE]
tonearm playlist import FILE [--name NAME] [--db FILE] [--json]
list: every playlist, "ID  Folder/Name  (N entries, M missing)" a line, or with --json one
  object { folders, playlists }.
export: playlist ID into FILE (format from its name unless --format; M3U8 by default); paths
  under FILE's folder are written relative to it; entries whose track is gone keep their path.
import: an M3U, M3U8, PLS or XSPF file as a new playlist (named after the file unless --name);
  lines are matched by path, by the end of the path (a library moved from another machine) or
  by title and artist; the rest are kept as missing and matched when a scan adds their file.
${DB_HELP}
  --json        print the result as one JSON object`,
  tag: `tonearm tag set [FIELDS] [--db FILE] [--json] FILE...|--id N...
tonearm tag show [--db FILE] [--json] FILE...|--id N...
set: write these fields into the files of the tracks (FILE: a file in the library, or --id N,
  repeated); every other tag stays as it is. Each file is edited as a copy beside it, checked,
  and renamed over it. A file that cannot be written is named on stderr with why; the rest go on.
  The catalog follows at once. Ctrl+C stops after the file being written.
show: the fields of these tracks, "(mixed)" where they differ.
  --title T --artist A --album A --album-artist A --composer C --comment C
  --track N --track-total N --disc N --disc-total N --year N   (0 clears a number, "" a text)
  --genre G     a genre; repeat for several
  --compilation yes|no
  --cover FILE  a JPEG, PNG, WebP or GIF as the cover; --remove-cover removes it
  --number      track numbers 1..n in the order named, and the track total n
${DB_HELP}
  --json        print the result ({ written, failed, cancelled } or the fields) as one JSON object
Formats written: MP3, FLAC, Ogg Vorbis, Opus, M4A/MP4; others are refused as read-only.`,
  similar: `tonearm similar --id N [--id M...] [--limit K] [--db FILE] [--json]
The tracks that sound nearest to track N (to whichever of several --id is nearest), nearest
first, from the vectors the app's background analysis stored; "DISTANCE  ID  Artist - Title"
a line. Tracks not analysed yet have no vector: they are named on stderr and shape nothing.
${DB_HELP}
  --id N        a track's id (tonearm query --json shows them); up to 100
  --limit K     how many tracks (default 20, at most 200)
  --json        print one object { seedsWithoutVector, rows: [{ track, distance }] }`,
};

/** The catalog file --db names (or the app's); a command that only reads or copies it never makes one. */
export function requireCatalog(db: string | undefined): string {
  const catalogFile = dataPaths(db).dbPath;
  if (!existsSync(catalogFile)) throw new Error(`No catalog at ${catalogFile}: \`tonearm scan DIR\` makes one`);
  return catalogFile;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
}

export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}
