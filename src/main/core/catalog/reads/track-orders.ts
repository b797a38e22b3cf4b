// The orders of every track, read off the indexes: for each sort, the ids in order of its
// value, the sizes of the runs of equal values, and a list's first rows straight from SQL.
// The views make whole orders of these (ties, descending runs, genre names).
import type Database from 'better-sqlite3';
import type { TrackSort, TrackSortField } from '../../../../shared/views.ts';

interface Source {
  ids: string;
  /** Null where values are all but unique. */
  runs: string | null;
  /** The index orders ties itself (album, disc, track). */
  tiesOrdered: boolean;
}

function indexed(index: string, columns: string, runsBy: string | null, tiesOrdered: boolean): Source {
  return {
    ids: `SELECT id FROM tracks INDEXED BY ${index} ORDER BY ${columns}`,
    runs: runsBy && `SELECT count(*) FROM tracks INDEXED BY ${index} GROUP BY ${runsBy} ORDER BY ${runsBy}`,
    tiesOrdered,
  };
}

const PLAY_STAT: Partial<Record<TrackSortField, string>> = {
  playCount: 'NULLIF(play_count, 0)',
  skipCount: 'NULLIF(skip_count, 0)',
  lastPlayed: 'last_played_at',
  rating: 'NULLIF(rating, 0)',
};

function statSource(expression: string): Source {
  return {
    ids: `SELECT track_id FROM play_stats WHERE ${expression} IS NOT NULL ORDER BY ${expression}`,
    runs: `SELECT count(*) FROM play_stats WHERE ${expression} IS NOT NULL GROUP BY ${expression} ORDER BY ${expression}`,
    tiesOrdered: false,
  };
}

const SOURCES: Record<TrackSortField, Source> = {
  albumArtist: indexed(
    'tracks_sort_album_artist',
    'album_artist_key, album_key, disc_no, track_no',
    'album_artist_key',
    true,
  ),
  artist: indexed('tracks_sort_artist', 'artist_key, album_key, disc_no, track_no', 'artist_key', true),
  album: indexed('tracks_sort_album', 'album_key, album_artist_key, disc_no, track_no', 'album_key', true),
  title: indexed('tracks_sort_title', 'title_key', null, true),
  path: indexed('sqlite_autoindex_tracks_1', 'path', null, true),
  year: indexed('tracks_year', 'year', 'year', false),
  // By genre id: the views put its runs in order of the genres' names.
  genre: indexed('tracks_genre', 'genre_id', null, false),
  trackNo: indexed('tracks_track_no', 'track_no', 'track_no', false),
  duration: indexed('tracks_duration', 'duration_s', 'duration_s', false),
  format: indexed('tracks_format', 'format', 'format', false),
  bitrate: indexed('tracks_bitrate', 'bitrate', 'bitrate', false),
  added: indexed('tracks_added', 'added_at', 'added_at', false),
  playCount: statSource(PLAY_STAT.playCount!),
  skipCount: statSource(PLAY_STAT.skipCount!),
  lastPlayed: statSource(PLAY_STAT.lastPlayed!),
  rating: statSource(PLAY_STAT.rating!),
};

// Each head is exactly the order the views make of the whole (ties in album artist order).
const TIES = 'album_artist_key, album_key, disc_no, track_no, id';
const byText = (key: string, then: string) => (desc: boolean) => `ORDER BY ${key}${desc ? ' DESC' : ''}, ${then}`;
// INDEXED BY: without it SQLite would scan the table to find the first values.
const byValue = (index: string, column: string) => (desc: boolean) =>
  `INDEXED BY ${index} ORDER BY ${column}${desc ? ' DESC' : ''}, ${TIES}`;
const HEAD: Partial<Record<TrackSortField, (desc: boolean) => string>> = {
  artist: byText('artist_key', 'album_key, disc_no, track_no, id'),
  albumArtist: byText('album_artist_key', 'album_key, disc_no, track_no, id'),
  album: byText('album_key', 'album_artist_key, disc_no, track_no, id'),
  title: (desc) => (desc ? 'ORDER BY title_key DESC, id DESC' : 'ORDER BY title_key, id'),
  path: (desc) => `ORDER BY path${desc ? ' DESC' : ''}`,
  year: byValue('tracks_year', 'year'),
  duration: byValue('tracks_duration', 'duration_s'),
  added: byValue('tracks_added', 'added_at'),
};

// Few distinct values (a format, track number 1): a head is walked run after run instead.
const RUNS: Partial<Record<TrackSortField, { column: string; index: string }>> = {
  trackNo: { column: 'track_no', index: 'tracks_track_no' },
  format: { column: 'format', index: 'tracks_format' },
  bitrate: { column: 'bitrate', index: 'tracks_bitrate' },
  genre: { column: 'genre_id', index: 'tracks_genre' },
};

// The sorts by a value whose head is one statement: where their first value is shared by many
// tracks, that statement sorts all of them; the head walks the run in tie order instead.
const VALUES: Partial<Record<TrackSortField, { column: string; index: string }>> = {
  year: { column: 'year', index: 'tracks_year' },
  duration: { column: 'duration_s', index: 'tracks_duration' },
  added: { column: 'added_at', index: 'tracks_added' },
};
const runOf = (field: TrackSortField) => RUNS[field] ?? VALUES[field]!;

/** Sorts whose order a play (an `updated` change that is not structural) can change. */
export const dependsOnPlays = (field: TrackSortField): boolean => field in PLAY_STAT;

/** How the first rows of a sort are read: by one statement, run by run, or only with the whole order. */
export const headKind = (field: TrackSortField): 'statement' | 'runs' | null =>
  RUNS[field] ? 'runs' : HEAD[field] ? 'statement' : null;

export class TrackOrderReads {
  private readonly db: Database.Database;
  private readonly statements;
  /** The statements built per sort, each prepared on first use and kept. */
  private readonly built = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      maxTrackId: db.prepare('SELECT COALESCE(max(id), 0) FROM tracks').pluck(),
      genreNames: db.prepare('SELECT id, name FROM genres').raw(),
      genreIds: db.prepare('SELECT id FROM genres ORDER BY id').pluck(),
      genreRuns: db
        .prepare('SELECT genre_id, count(*) FROM tracks INDEXED BY tracks_genre GROUP BY genre_id ORDER BY genre_id')
        .raw(),
    };
  }

  maxTrackId(): number {
    return this.statements.maxTrackId.get() as number;
  }

  /**
   * The ids in order of the sort's value; ties as the index has them. For the play
   * statistics, only the tracks that have one.
   */
  ids(field: TrackSortField): Int32Array {
    return Int32Array.from(this.pluck(SOURCES[field].ids).all() as number[]);
  }

  /** Whether `ids` already lists ties in album artist order. */
  tiesOrdered(field: TrackSortField): boolean {
    return SOURCES[field].tiesOrdered;
  }

  hasRuns(field: TrackSortField): boolean {
    return SOURCES[field].runs !== null;
  }

  /** The sizes of the runs of equal values in `ids`, in the same order. */
  runs(field: TrackSortField): number[] {
    return this.pluck(SOURCES[field].runs!).all() as number[];
  }

  /** The first ids of the order, for a sort whose headKind is 'statement'. */
  head(sort: TrackSort, limit: number): Int32Array {
    const order = HEAD[sort.field]!(sort.desc);
    return Int32Array.from(this.pluck(`SELECT id FROM tracks ${order} LIMIT ?`).all(limit) as number[]);
  }

  /** The first `count` distinct values of a sort whose headKind is 'runs' (not genre: its runs go by name). */
  firstValues(sort: TrackSort, count: number): unknown[] {
    const { column, index } = RUNS[sort.field]!;
    const sql = `SELECT DISTINCT ${column} FROM tracks INDEXED BY ${index} ORDER BY ${column}${sort.desc ? ' DESC' : ''} LIMIT ${count}`;
    return this.pluck(sql).all();
  }

  /**
   * The sort's first value when at least `atLeast` tracks share it (counted no further); null
   * otherwise, and for a sort that is not by a value.
   */
  longFirstRun(sort: TrackSort, atLeast: number): { value: unknown } | null {
    const values = VALUES[sort.field];
    if (!values) return null;
    const { column, index } = values;
    const first = `SELECT ${column} FROM tracks INDEXED BY ${index} ORDER BY ${column}${sort.desc ? ' DESC' : ''} LIMIT 1`;
    const rows = this.pluck(first).all();
    if (rows.length === 0) return null;
    const count = `SELECT count(*) FROM (SELECT 1 FROM tracks INDEXED BY ${index} WHERE ${column} IS ? LIMIT ?)`;
    return (this.pluck(count).get(rows[0], atLeast) as number) >= atLeast ? { value: rows[0] } : null;
  }

  runSize(field: TrackSortField, value: unknown): number {
    const { column, index } = RUNS[field]!;
    return this.pluck(`SELECT count(*) FROM tracks INDEXED BY ${index} WHERE ${column} IS ?`).get(value) as number;
  }

  /**
   * The first ids of a run in tie order: a short run is sorted from the value's own index,
   * a long one walked along the album artist index (already in tie order).
   */
  runHead(field: TrackSortField, value: unknown, limit: number, short: boolean): number[] {
    const { column, index } = runOf(field);
    const from = short ? index : 'tracks_sort_album_artist';
    const sql = `SELECT id FROM tracks INDEXED BY ${from} WHERE ${column} IS ? ORDER BY ${TIES} LIMIT ?`;
    return this.pluck(sql).all(value, limit) as number[];
  }

  genreNames(): [number, string][] {
    return this.statements.genreNames.all() as [number, string][];
  }

  genreIds(): number[] {
    return this.statements.genreIds.all() as number[];
  }

  /** [genre id (null: none), its track count], in genre id order. */
  genreRuns(): [number | null, number][] {
    return this.statements.genreRuns.all() as [number | null, number][];
  }

  private pluck(sql: string): Database.Statement {
    let statement = this.built.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).pluck();
      this.built.set(sql, statement);
    }
    return statement;
  }
}
