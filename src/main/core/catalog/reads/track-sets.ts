// The ids of the tracks in one filter, unordered: the views put them in order themselves.
import type Database from 'better-sqlite3';

export class TrackSetReads {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      album: db.prepare('SELECT id FROM tracks WHERE album_id = ?').pluck(),
      artist: db.prepare('SELECT t.id FROM albums a JOIN tracks t ON t.album_id = a.id WHERE a.artist_id = ?').pluck(),
      genre: db.prepare('SELECT id FROM tracks WHERE genre_id = ?').pluck(),
      pathRange: db.prepare('SELECT id FROM tracks WHERE path > ? AND path < ?').pluck(),
      addedSince: db.prepare('SELECT id FROM tracks WHERE added_at >= ?').pluck(),
      text: db.prepare('SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?').pluck(),
      textInYears: db
        .prepare(
          `SELECT t.id FROM tracks t WHERE t.id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?)
           AND t.year BETWEEN ? AND ?`,
        )
        .pluck(),
      years: db.prepare('SELECT id FROM tracks WHERE year BETWEEN ? AND ?').pluck(),
    };
  }

  album(albumId: number): number[] {
    return this.statements.album.all(albumId) as number[];
  }

  /** The tracks on the albums of this album artist. */
  albumArtist(artistId: number): number[] {
    return this.statements.artist.all(artistId) as number[];
  }

  genre(genreId: number): number[] {
    return this.statements.genre.all(genreId) as number[];
  }

  /** Paths strictly between the two (a folder: "dir/" and "dir" + the character after the separator). */
  pathsBetween(after: string, before: string): number[] {
    return this.statements.pathRange.all(after, before) as number[];
  }

  addedSince(ms: number): number[] {
    return this.statements.addedSince.all(ms) as number[];
  }

  /** `match` is an FTS5 query; `years` narrows it to the tracks of those years. */
  text(match: string, years?: { from: number; to: number }): number[] {
    return (
      years ? this.statements.textInYears.all(match, years.from, years.to) : this.statements.text.all(match)
    ) as number[];
  }

  years(from: number, to: number): number[] {
    return this.statements.years.all(from, to) as number[];
  }
}
