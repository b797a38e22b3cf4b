// The albums, artists, genres and library folders the views hold in memory per library
// version, read whole: tens of thousands of rows, each read in one statement.
import type Database from 'better-sqlite3';
import type { GenreRow } from '../../../../shared/domain.ts';

/** id, title, year, album artist id, album artist name, compilation flag, one track's path. */
export type AlbumFactsRow = [number, string, number | null, number, string, 0 | 1, string | null];

export class LibraryReads {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      albums: db
        .prepare(
          // One path per album (an index seek each) tells which albums sit in one folder.
          `SELECT a.id, a.title, a.year, a.artist_id, ar.name, a.is_compilation,
             (SELECT t.path FROM tracks t INDEXED BY tracks_album WHERE t.album_id = a.id LIMIT 1)
           FROM albums a JOIN artists ar ON ar.id = a.artist_id`,
        )
        .raw(),
      maxTrackId: db.prepare('SELECT COALESCE(max(id), 0) FROM tracks').pluck(),
      idsByAlbum: db.prepare('SELECT id FROM tracks INDEXED BY tracks_album ORDER BY album_id').pluck(),
      albumRuns: db
        .prepare('SELECT album_id, count(*) FROM tracks INDEXED BY tracks_album GROUP BY album_id ORDER BY album_id')
        .raw(),
      artistNames: db.prepare('SELECT id, name FROM artists').raw(),
      genres: db.prepare(
        `SELECT g.id, g.name, count(t.id) AS trackCount FROM genres g JOIN tracks t ON t.genre_id = g.id
         GROUP BY g.id`,
      ),
      rootPaths: db.prepare('SELECT path FROM roots ORDER BY path').pluck(),
      pathsBetween: db.prepare('SELECT path FROM tracks WHERE path > ? AND path < ?').pluck(),
    };
  }

  albums(): AlbumFactsRow[] {
    return this.statements.albums.all() as AlbumFactsRow[];
  }

  maxTrackId(): number {
    return this.statements.maxTrackId.get() as number;
  }

  /** Track ids grouped by album (tracks without one first), as `albumRuns` counts them. */
  trackIdsByAlbum(): number[] {
    return this.statements.idsByAlbum.all() as number[];
  }

  /** [album id (null: none), its track count], in album id order. */
  albumRuns(): [number | null, number][] {
    return this.statements.albumRuns.all() as [number | null, number][];
  }

  artistNames(): Map<number, string> {
    return new Map(this.statements.artistNames.all() as [number, string][]);
  }

  /** The genres that have tracks. */
  genres(): GenreRow[] {
    return this.statements.genres.all() as GenreRow[];
  }

  rootPaths(): string[] {
    return this.statements.rootPaths.all() as string[];
  }

  /** Track paths strictly between the two, in path order (off the path index). */
  /** One at a time: 250,000 paths held at once grew the views thread's heap by tens of MB for good. */
  trackPathsBetween(after: string, before: string): IterableIterator<string> {
    return this.statements.pathsBetween.iterate(after, before) as IterableIterator<string>;
  }
}
