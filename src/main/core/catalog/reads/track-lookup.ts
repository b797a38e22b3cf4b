// What an imported playlist's lines are matched against: a path exactly, or (read once, only
// when some line needs it) every track's path and tags.
import type Database from 'better-sqlite3';

export interface TrackIdentity {
  id: number;
  path: string;
  title: string;
  artist: string;
}

export class TrackLookup {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      byPath: db.prepare('SELECT id FROM tracks WHERE path = ?').pluck(),
      all: db.prepare('SELECT id, path, title, artist FROM tracks ORDER BY missing_since IS NOT NULL, id'),
    };
  }

  idOfPath(path: string): number | null {
    return (this.s.byPath.get(path) as number | undefined) ?? null;
  }

  /** Present tracks first, so that of two equally good matches the playable one wins. */
  all(): TrackIdentity[] {
    return this.s.all.all() as TrackIdentity[];
  }
}
