// Which tracks a filtered view holds, unordered: the views put them in order by rank.
import { sep } from 'node:path';
import type Database from 'better-sqlite3';
import type { TrackFilter } from '../../../shared/views.ts';
import { parseQuery, toFtsMatch } from './query-language.ts';

const DAY_MS = 86_400_000;

export class TrackSets {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      album: db.prepare('SELECT id FROM tracks WHERE album_id = ?').pluck(),
      artist: db.prepare('SELECT t.id FROM albums a JOIN tracks t ON t.album_id = a.id WHERE a.artist_id = ?').pluck(),
      genre: db.prepare('SELECT id FROM tracks WHERE genre_id = ?').pluck(),
      // Under a folder: the paths between "dir/" and "dir" + the next character after the separator.
      folder: db.prepare('SELECT id FROM tracks WHERE path > ? AND path < ?').pluck(),
      recent: db.prepare('SELECT id FROM tracks WHERE added_at >= ?').pluck(),
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

  /** The ids in the filter; null for every track. */
  members(filter: TrackFilter): number[] | null {
    const s = this.statements;
    switch (filter.type) {
      case 'all':
        return null;
      case 'album':
        return s.album.all(filter.albumId) as number[];
      case 'artist':
        return s.artist.all(filter.artistId) as number[];
      case 'genre':
        return s.genre.all(filter.genreId) as number[];
      case 'folder': {
        const dir = filter.path.endsWith(sep) ? filter.path.slice(0, -1) : filter.path;
        const after = String.fromCharCode(sep.charCodeAt(0) + 1);
        return s.folder.all(dir + sep, dir + after) as number[];
      }
      case 'recent':
        return s.recent.all(Date.now() - filter.days * DAY_MS) as number[];
      case 'search':
        return this.search(filter.text);
    }
  }

  private search(text: string): number[] {
    const query = parseQuery(text);
    const match = toFtsMatch(query);
    const { year } = query;
    if (match && year) return this.statements.textInYears.all(match, year.from, year.to) as number[];
    if (match) return this.statements.text.all(match) as number[];
    if (year) return this.statements.years.all(year.from, year.to) as number[];
    return [];
  }
}
