// A file Tonearm rewrote the tags of is written into the catalog as a scan would write it
// once parsed: its row as it was, the edited fields put over it, its new fingerprint (so the
// next rescan finds it unchanged and does not parse it), and albums, artists and genres it
// left behind removed. Runs in the writer thread, through the scan's own LibraryWriter.
import type Database from 'better-sqlite3';
import type { LibraryChange } from '../../../shared/domain.ts';
import type { TagChanges } from '../../../shared/tags.ts';
import type { CoverInfo, ParsedTrack, ParseResult } from '../../common/parse-protocol.ts';
import type { FileContext, LibraryWriter } from './library-writer.ts';
import { COPIED_COLUMNS } from './track-columns.ts';

export interface TagEditRecord {
  trackId: number;
  size: number;
  mtimeNs: bigint;
  identity: string;
  changes: TagChanges;
  /** The cover now embedded; undefined when the edit left it alone. */
  cover: CoverInfo | null | undefined;
}

interface RowBefore {
  path: string;
  root_id: number;
  title: string;
  artists: string;
  genre: string;
  album_id: number | null;
  artist_id: number | null;
  genre_id: number | null;
  cover_hash: string | null;
  had_error: number;
  [column: string]: unknown;
}

const nullIfEmpty = (value: string): string | null => (value.trim() === '' ? null : value);
const nullIfZero = (value: number): number | null => (value > 0 ? value : null);

export function applyTagEdits(
  db: Database.Database,
  writer: LibraryWriter,
  edits: readonly TagEditRecord[],
): LibraryChange | null {
  const copied = COPIED_COLUMNS.map(({ column }) => column).join(', ');
  const rowOf = db.prepare(
    `SELECT path, root_id, title, artists, genre, album_id, artist_id, genre_id, cover_hash, ${copied},
            EXISTS (SELECT 1 FROM scan_errors e WHERE e.path = tracks.path) AS had_error
     FROM tracks WHERE id = ?`,
  );
  const coverOf = db.prepare('SELECT hash, mime, width, height, bytes, source FROM covers WHERE hash = ?');
  return db.transaction(() => {
    const batch: { result: ParseResult; context: FileContext }[] = [];
    const left = { albums: new Set<number>(), artists: new Set<number>(), genres: new Set<number>() };
    for (const edit of edits) {
      const row = rowOf.get(edit.trackId) as RowBefore | undefined;
      if (!row) continue;
      if (row.album_id !== null) left.albums.add(row.album_id);
      if (row.artist_id !== null) left.artists.add(row.artist_id);
      if (row.genre_id !== null) left.genres.add(row.genre_id);
      const cover =
        edit.cover !== undefined
          ? edit.cover
          : row.cover_hash
            ? ((coverOf.get(row.cover_hash) as CoverInfo | undefined) ?? null)
            : null;
      batch.push({
        result: { path: row.path, ok: true, identity: edit.identity, track: trackFrom(row, edit.changes, cover) },
        context: {
          rootId: row.root_id,
          size: edit.size,
          mtimeNs: edit.mtimeNs,
          trackId: edit.trackId,
          hadError: row.had_error === 1,
        },
      });
    }
    if (batch.length === 0) return null;
    const change = writer.writeBatch(batch);
    refreshAlbums(db, edits);
    removeLeftBehind(db, left);
    writer.forgetCachedIds();
    return change;
  })();
}

/** The row as the parser would have made it from the file as it is now. */
function trackFrom(row: RowBefore, changes: TagChanges, cover: CoverInfo | null): ParsedTrack {
  const track = {} as Record<string, unknown>;
  for (const { column, field } of COPIED_COLUMNS) track[field] = row[column] ?? null;
  const parsed = track as unknown as ParsedTrack;
  parsed.title = row.title;
  parsed.artists = JSON.parse(row.artists) as string[];
  parsed.genres = row.genre ? row.genre.split('; ') : [];
  parsed.compilation = row.compilation === 1;
  parsed.albumArtist = nullIfEmpty(String(row.album_artist ?? ''));
  parsed.cover = cover;
  parsed.gaplessDelay = null;
  parsed.gaplessPadding = null;
  for (const text of ['title', 'album', 'albumArtist', 'composer'] as const) {
    if (changes[text] !== undefined) parsed[text] = nullIfEmpty(changes[text]);
  }
  if (changes.artist !== undefined) {
    parsed.artist = nullIfEmpty(changes.artist);
    parsed.artists = parsed.artist ? [parsed.artist] : [];
  }
  for (const count of ['trackNo', 'trackTotal', 'discNo', 'discTotal'] as const) {
    if (changes[count] !== undefined) parsed[count] = nullIfZero(changes[count]);
  }
  if (changes.year !== undefined) {
    parsed.year = nullIfZero(changes.year);
    if (!parsed.date?.startsWith(String(changes.year))) parsed.date = parsed.year ? String(parsed.year) : null;
  }
  if (changes.genres !== undefined) parsed.genres = changes.genres.filter((g) => g.trim() !== '');
  if (changes.compilation !== undefined) parsed.compilation = changes.compilation;
  return parsed;
}

/**
 * The albums the edited tracks are on now, their facts read again from their tracks: the writer
 * only fills an album's year, cover and compilation flag when it has none (a scan adds tracks),
 * where an edit may have changed them on every track of it.
 */
function refreshAlbums(db: Database.Database, edits: readonly TagEditRecord[]): void {
  const albumOf = db.prepare('SELECT album_id FROM tracks WHERE id = ?').pluck();
  const refresh = db.prepare(
    `UPDATE albums SET
       year = (SELECT year FROM tracks WHERE album_id = @id AND year IS NOT NULL ORDER BY disc_no, track_no LIMIT 1),
       cover_hash = (SELECT cover_hash FROM tracks WHERE album_id = @id AND cover_hash IS NOT NULL
                     ORDER BY disc_no, track_no LIMIT 1),
       is_compilation = (SELECT COALESCE(max(compilation), 0) FROM tracks WHERE album_id = @id)
     WHERE id = @id`,
  );
  const albums = new Set(edits.map((edit) => albumOf.get(edit.trackId) as number | null));
  for (const id of albums) if (id !== null) refresh.run({ id });
}

/** The albums, artists and genres the edited tracks had, if no track has them any more. */
function removeLeftBehind(
  db: Database.Database,
  left: { albums: Set<number>; artists: Set<number>; genres: Set<number> },
): void {
  const album = db.prepare(
    'DELETE FROM albums WHERE id = ? AND NOT EXISTS (SELECT 1 FROM tracks WHERE album_id = ?) RETURNING artist_id',
  );
  const artist = db.prepare(
    `DELETE FROM artists WHERE id = ? AND NOT EXISTS (SELECT 1 FROM tracks WHERE artist_id = ?)
       AND NOT EXISTS (SELECT 1 FROM albums WHERE artist_id = ?)`,
  );
  const genre = db.prepare('DELETE FROM genres WHERE id = ? AND NOT EXISTS (SELECT 1 FROM tracks WHERE genre_id = ?)');
  for (const id of left.albums) {
    const gone = album.get(id, id) as { artist_id: number } | undefined;
    if (gone) left.artists.add(gone.artist_id);
  }
  for (const id of left.artists) artist.run(id, id, id);
  for (const id of left.genres) genre.run(id, id);
}
