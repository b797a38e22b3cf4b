// The rows a list shows for the ids it scrolled to, and an album page's tracks.
import type Database from 'better-sqlite3';
import type { AlbumRow, TrackRow } from '../../../../shared/domain.ts';
import { TRACK_ROW_COLUMNS, TRACK_ROW_FROM, toTrackRow } from '../track-row.ts';

export class RowReads {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      // CROSS JOIN: from the ids asked, never from a scan of a library folder's tracks.
      tracks: db.prepare(
        `SELECT ${TRACK_ROW_COLUMNS} FROM json_each(?) j CROSS JOIN ${TRACK_ROW_FROM} WHERE t.id = j.value`,
      ),
      albumTracks: db.prepare(
        `SELECT ${TRACK_ROW_COLUMNS} FROM ${TRACK_ROW_FROM} WHERE t.album_id = ?
         ORDER BY t.disc_no, t.track_no, t.title_key, t.id`,
      ),
      albums: db.prepare(
        `SELECT a.id, a.title, ar.name AS albumArtist, a.artist_id AS artistId, a.year, a.cover_hash AS coverHash,
                count(t.id) AS trackCount, COALESCE(sum(t.duration_s), 0) AS durationS
         FROM albums a JOIN artists ar ON ar.id = a.artist_id LEFT JOIN tracks t ON t.album_id = a.id
         WHERE a.id IN (SELECT value FROM json_each(?))
         GROUP BY a.id`,
      ),
    };
  }

  /** The rows of these ids, in the order asked; an id whose track is gone is left out. */
  tracks(ids: ArrayLike<number>): TrackRow[] {
    return inOrder(ids, this.statements.tracks.all(JSON.stringify(Array.from(ids))).map(toTrackRow));
  }

  /** In disc and track order. */
  albumTracks(albumId: number): TrackRow[] {
    return this.statements.albumTracks.all(albumId).map(toTrackRow);
  }

  /** The rows of these albums, in the order asked; an id whose album is gone is left out. */
  albums(ids: ArrayLike<number>): AlbumRow[] {
    return inOrder(ids, this.statements.albums.all(JSON.stringify(Array.from(ids))) as AlbumRow[]);
  }
}

function inOrder<R extends { id: number }>(ids: ArrayLike<number>, rows: R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return Array.from(ids).flatMap((id) => byId.get(id) ?? []);
}
