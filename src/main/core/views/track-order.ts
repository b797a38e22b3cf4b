// The order of every track for one sort, read off an index: the ids in order of the sort's
// value, and the sizes of the runs of equal values. Runs are then put in album artist order
// (the base order) and, for a descending sort, reversed as wholes, so that "year, newest
// first" still lists each album's tracks from the first. Filtered views reuse these orders
// through `rank`: sorting a search's 100k hits is then an integer sort.
import type Database from 'better-sqlite3';
import type { TrackSort, TrackSortField } from '../../../shared/views.ts';
import { EMPTY_SORT_KEY, sortKey } from '../catalog/sort-key.ts';

export interface TrackOrder {
  ids: Int32Array;
  /** Position of each track id in `ids`; -1 for ids not in it. */
  rank: Int32Array;
}

interface Source {
  /** Ids in order of the sort's value. */
  ids: string;
  /** The sizes of the runs of equal values, in the same order; null where values are all but unique. */
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
  // Runs by name: byGenreName.
  genre: indexed('tracks_genre', 'genre_id', null, false),
  trackNo: indexed('tracks_track_no', 'track_no', 'track_no', false),
  duration: indexed('tracks_duration', 'duration_s', 'duration_s', false),
  format: indexed('tracks_format', 'format', 'format', false),
  bitrate: indexed('tracks_bitrate', 'bitrate', 'bitrate', false),
  added: indexed('tracks_added', 'added_at', 'added_at', false),
  playCount: statSource(PLAY_STAT.playCount!),
  lastPlayed: statSource(PLAY_STAT.lastPlayed!),
  rating: statSource(PLAY_STAT.rating!),
};

/** Sorts whose order a play (an `updated` change that is not structural) can change. */
export const dependsOnPlays = (field: TrackSortField): boolean => field in PLAY_STAT;

/** The base order: what ties are broken by, and the Songs view's default. */
export const BASE_SORT: TrackSort = { field: 'albumArtist', desc: false };

// The first rows of an order, straight from SQL: what a list shows while the whole order is
// still being read. Each is exactly the order computeOrder makes (ties in album artist order).
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

// Few distinct values (a format, track number 1): the first run is tens of thousands of rows
// spread over the whole table, too many to sort here. Its first rows are found instead by
// walking the album artist index (already in tie order) for that value, run after run.
const RUNS: Partial<Record<TrackSortField, { column: string; index: string }>> = {
  trackNo: { column: 'track_no', index: 'tracks_track_no' },
  format: { column: 'format', index: 'tracks_format' },
  bitrate: { column: 'bitrate', index: 'tracks_bitrate' },
  genre: { column: 'genre_id', index: 'tracks_genre' },
};
/** Runs this short are sorted from their own index; longer ones walked in tie order. */
const SHORT_RUN = 2000;
const FIRST_VALUES = 64;

function headByRuns(db: Database.Database, sort: TrackSort, limit: number): Int32Array | null {
  const { column, index } = RUNS[sort.field]!;
  const values =
    sort.field === 'genre'
      ? genreRuns(db, sort.desc)
      : (db
          .prepare(
            `SELECT DISTINCT ${column} FROM tracks INDEXED BY ${index} ORDER BY ${column}${sort.desc ? ' DESC' : ''} LIMIT ${FIRST_VALUES}`,
          )
          .pluck()
          .all() as unknown[]);
  const count = db.prepare(`SELECT count(*) FROM tracks INDEXED BY ${index} WHERE ${column} IS ?`).pluck();
  const short = db.prepare(`SELECT id FROM tracks INDEXED BY ${index} WHERE ${column} IS ? ORDER BY ${TIES} LIMIT ?`);
  const long = db.prepare(
    `SELECT id FROM tracks INDEXED BY tracks_sort_album_artist WHERE ${column} IS ? ORDER BY ${TIES} LIMIT ?`,
  );
  const ids: number[] = [];
  for (const value of values) {
    const size = count.get(value) as number;
    if (size === 0) continue;
    ids.push(...((size <= SHORT_RUN ? short : long).pluck().all(value, limit - ids.length) as number[]));
    if (ids.length >= limit) return Int32Array.from(ids);
  }
  // Fewer rows than asked in the first values: the list is short, or values are many and tiny.
  return values.length < FIRST_VALUES ? Int32Array.from(ids) : null;
}

/** The first `limit` ids of the order, or null where only the whole order gives them (the play statistics). */
export function firstIds(db: Database.Database, sort: TrackSort, limit: number): Int32Array | null {
  if (RUNS[sort.field]) return headByRuns(db, sort, limit);
  const order = HEAD[sort.field]?.(sort.desc);
  if (!order) return null;
  return Int32Array.from(db.prepare(`SELECT id FROM tracks ${order} LIMIT ?`).pluck().all(limit) as number[]);
}

/** `base` is asked for only when ties need breaking. */
export function computeOrder(db: Database.Database, sort: TrackSort, base: () => TrackOrder): TrackOrder {
  const source = SOURCES[sort.field];
  const maxId = (db.prepare('SELECT COALESCE(max(id), 0) FROM tracks').pluck().get() as number) + 1;
  let ids: Int32Array = Int32Array.from(db.prepare(source.ids).pluck().all() as number[]);
  const needRuns = source.runs !== null && (sort.desc || !source.tiesOrdered);
  let runs = needRuns ? (db.prepare(source.runs!).pluck().all() as number[]) : null;

  if (PLAY_STAT[sort.field]) {
    // Tracks never played (or never rated) are one run, first: the least played.
    const rated = new Uint8Array(maxId);
    for (const id of ids) rated[id] = 1;
    const unrated = base().ids.filter((id) => rated[id] === 0);
    ids = concat(unrated, ids);
    runs = [unrated.length, ...(runs ?? [])];
  }
  if (sort.field === 'genre') [ids, runs] = byGenreName(db, ids);

  const starts = runStarts(runs, ids.length);
  if (!source.tiesOrdered) {
    const order = base();
    for (let r = 0; r + 1 < starts.length; r++) breakTies(ids.subarray(starts[r]!, starts[r + 1]!), order);
  }
  if (sort.desc) ids = reverseRuns(ids, runs ? starts : null);
  return { ids, rank: rankOf(ids, maxId) };
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Run boundaries: [0, end of run 1, …, length]. Without runs, the whole list is one run. */
function runStarts(runs: number[] | null, length: number): number[] {
  const starts = [0];
  for (const size of runs ?? [length]) starts.push(starts.at(-1)! + size);
  return starts;
}

/** Within a run of equal values, the album artist order. */
function breakTies(run: Int32Array, base: TrackOrder): void {
  if (run.length < 2) return;
  for (let i = 0; i < run.length; i++) run[i] = base.rank[run[i]!]!;
  run.sort();
  for (let i = 0; i < run.length; i++) run[i] = base.ids[run[i]!]!;
}

/** Runs in reverse order, each run still in its own order; without runs, plainly reversed. */
function reverseRuns(ids: Int32Array, starts: number[] | null): Int32Array {
  if (!starts) return ids.slice().reverse();
  const out = new Int32Array(ids.length);
  let at = 0;
  for (let r = starts.length - 2; r >= 0; r--) {
    out.set(ids.subarray(starts[r]!, starts[r + 1]!), at);
    at += starts[r + 1]! - starts[r]!;
  }
  return out;
}

/**
 * Genre ids (null: no genre) in the order of the genres' names; ties and nameless genres as
 * the genre index has them (null first), which is how the whole order breaks them too.
 */
function genreOrder(db: Database.Database, genreIds: (number | null)[]): (number | null)[] {
  const names = new Map(
    (db.prepare('SELECT id, name FROM genres').raw().all() as [number, string][]).map(([id, name]) => [
      id,
      sortKey(name),
    ]),
  );
  const keyed = genreIds.map((genreId) => ({
    genreId,
    key: (genreId !== null && names.get(genreId)) || EMPTY_SORT_KEY,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ genreId }) => genreId);
}

/** The runs of the genre order, first to last. */
function genreRuns(db: Database.Database, desc: boolean): (number | null)[] {
  const ids = db.prepare('SELECT id FROM genres ORDER BY id').pluck().all() as number[];
  const order = genreOrder(db, [null, ...ids]);
  return desc ? order.reverse() : order;
}

/** The genre index orders by genre id: put its runs in order of the genres' names. */
function byGenreName(db: Database.Database, ids: Int32Array): [Int32Array, number[]] {
  const runs = db
    .prepare('SELECT genre_id, count(*) FROM tracks INDEXED BY tracks_genre GROUP BY genre_id ORDER BY genre_id')
    .raw()
    .all() as [number | null, number][];
  const starts = runStarts(
    runs.map(([, size]) => size),
    ids.length,
  );
  const position = new Map(runs.map(([genreId], i) => [genreId, i]));
  const order = genreOrder(
    db,
    runs.map(([genreId]) => genreId),
  ).map((genreId) => position.get(genreId)!);
  const out = new Int32Array(ids.length);
  let at = 0;
  for (const i of order) {
    out.set(ids.subarray(starts[i]!, starts[i + 1]!), at);
    at += starts[i + 1]! - starts[i]!;
  }
  return [out, order.map((i) => runs[i]![1])];
}

export function rankOf(ids: Int32Array, size: number): Int32Array {
  const rank = new Int32Array(size).fill(-1);
  for (let i = 0; i < ids.length; i++) rank[ids[i]!] = i;
  return rank;
}

/**
 * These ids in the order's order; ids the order does not know (newer) go last, by id. A big
 * set (a broad search) is marked on the order and read back in one pass rather than sorted.
 */
export function sortByOrder(ids: ArrayLike<number>, order: TrackOrder): Int32Array {
  const out = new Int32Array(ids.length);
  const unknown: number[] = [];
  let n = 0;
  if (ids.length * 16 > order.ids.length) {
    const marks = new Uint8Array(order.ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const rank = id < order.rank.length ? order.rank[id]! : -1;
      if (rank >= 0) marks[rank] = 1;
      else unknown.push(id);
    }
    for (let rank = 0; rank < marks.length; rank++) if (marks[rank] === 1) out[n++] = order.ids[rank]!;
  } else {
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const rank = id < order.rank.length ? order.rank[id]! : -1;
      if (rank >= 0) ranks[n++] = rank;
      else unknown.push(id);
    }
    const sorted = ranks.subarray(0, n).sort();
    for (let i = 0; i < n; i++) out[i] = order.ids[sorted[i]!]!;
  }
  unknown.sort((a, b) => a - b);
  out.set(unknown, n);
  return out.subarray(0, n + unknown.length);
}
