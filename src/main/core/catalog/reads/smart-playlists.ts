// A smart playlist's ids, in its order: the search words through the views' FTS match, every
// other rule a condition on tracks or play_stats, the values always bound. A statement is
// prepared per shape of query (which rules, which sort), so the values typed never make a new one.
import type Database from 'better-sqlite3';
import type { Comparison, SmartFilter } from '../../../../shared/smart-rules.ts';
import type { TrackSortField } from '../../../../shared/views.ts';
import { parseQuery, toFtsMatch, type ParsedQuery } from '../../views/query-language.ts';

const DAY_MS = 86_400_000;
const MAX_STATEMENTS = 256;

interface Condition {
  sql: string;
  params: (number | string)[];
}

const ORDER: Record<TrackSortField, string> = {
  title: 't.title_key',
  artist: 't.artist_key',
  album: 't.album_key',
  albumArtist: 't.album_artist_key',
  trackNo: 't.track_no',
  year: 't.year',
  genre: 't.genre',
  duration: 't.duration_s',
  format: 't.format',
  bitrate: 't.bitrate',
  added: 't.added_at',
  playCount: 'COALESCE(ps.play_count, 0)',
  skipCount: 'COALESCE(ps.skip_count, 0)',
  lastPlayed: 'ps.last_played_at',
  rating: 'COALESCE(ps.rating, 0)',
  path: 't.path',
};
// Ties as the Songs view has them: an album in a run of equal values plays from its first track.
const TIES = 't.album_artist_key, t.album_key, t.disc_no, t.track_no, t.id';

const STAT_COLUMN = { plays: 'ps.play_count', skips: 'ps.skip_count', rating: 'ps.rating' } as const;

/** Whether 0 satisfies the comparison: then a track with no play_stats row (0 plays, unrated) does too. */
function matchesZero(comparison: Comparison): boolean {
  switch (comparison.op) {
    case '..':
      return (comparison.from ?? 0) <= 0 && (comparison.to === null || comparison.to >= 0);
    case '=':
    case '<=':
      return comparison.value >= 0 && (comparison.op === '<=' || comparison.value === 0);
    case '<':
      return comparison.value > 0;
    case '>=':
      return comparison.value <= 0;
    case '>':
      return comparison.value < 0;
  }
}

function compare(column: string, comparison: Comparison): Condition {
  if (comparison.op !== '..') return { sql: `${column} ${comparison.op} ?`, params: [comparison.value] };
  const parts: Condition[] = [];
  if (comparison.from !== null) parts.push({ sql: `${column} >= ?`, params: [comparison.from] });
  if (comparison.to !== null) parts.push({ sql: `${column} <= ?`, params: [comparison.to] });
  return all(parts);
}

const all = (parts: Condition[]): Condition => ({
  sql: parts.map((part) => part.sql).join(' AND '),
  params: parts.flatMap((part) => part.params),
});

/** A duration typed as 300 (or 5m) is the tracks shown as 5:00, from 300 s up to 301 s (or 360 s). */
function duration(comparison: Comparison, unitS: number): Condition {
  const column = 't.duration_s';
  const start = (value: number) => value * unitS;
  const end = (value: number) => (value + 1) * unitS;
  switch (comparison.op) {
    case '..':
      return all([
        ...(comparison.from === null ? [] : [{ sql: `${column} >= ?`, params: [start(comparison.from)] }]),
        ...(comparison.to === null ? [] : [{ sql: `${column} < ?`, params: [end(comparison.to)] }]),
      ]);
    case '=':
      return { sql: `${column} >= ? AND ${column} < ?`, params: [start(comparison.value), end(comparison.value)] };
    case '<':
      return { sql: `${column} < ?`, params: [start(comparison.value)] };
    case '<=':
      return { sql: `${column} < ?`, params: [end(comparison.value)] };
    case '>':
      return { sql: `${column} >= ?`, params: [end(comparison.value)] };
    case '>=':
      return { sql: `${column} >= ?`, params: [start(comparison.value)] };
  }
}

/** The first string after every string that starts with `prefix`, by code point (SQLite compares UTF-8 bytes, the same order). */
function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  return points.join('') + String.fromCodePoint(last + 1);
}

function condition(filter: SmartFilter, now: number): Condition {
  switch (filter.field) {
    case 'plays':
    case 'skips':
    case 'rating': {
      const column = STAT_COLUMN[filter.field];
      const compared = compare(column, filter);
      // Without the IS NULL arm the condition rejects the tracks without stats, and SQLite reads play_stats first.
      return matchesZero(filter)
        ? { sql: `(${column} IS NULL OR ${compared.sql})`, params: compared.params }
        : compared;
    }
    case 'duration':
      return duration(filter, filter.unit === 'm' ? 60 : 1);
    case 'played':
      if (filter.op === 'never') return { sql: 'ps.last_played_at IS NULL', params: [] };
      return filter.op === '<'
        ? { sql: 'ps.last_played_at >= ?', params: [now - filter.days * DAY_MS] }
        : { sql: '(ps.last_played_at IS NULL OR ps.last_played_at < ?)', params: [now - filter.days * DAY_MS] };
    case 'added':
      return { sql: filter.op === '<' ? 't.added_at >= ?' : 't.added_at < ?', params: [now - filter.days * DAY_MS] };
    case 'format':
      // The Format column holds labels in capitals (FLAC, MP3, OPUS): compared as stored, the index serves it.
      return { sql: 't.format = ?', params: [filter.value.toUpperCase()] };
    case 'path':
      return { sql: 't.path >= ? AND t.path < ?', params: [filter.value, prefixEnd(filter.value)] };
  }
}

export class SmartPlaylistReads {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.db = db;
  }

  /** The ids of the query's tracks in its order (album artist order without a sort), at most its limit. */
  ids(query: ParsedQuery, now: number): number[] {
    const conditions: Condition[] = [];
    const match = toFtsMatch(query);
    if (match)
      conditions.push({ sql: 't.id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?)', params: [match] });
    if (query.year) conditions.push({ sql: 't.year BETWEEN ? AND ?', params: [query.year.from, query.year.to] });
    for (const filter of query.filters) conditions.push(condition(filter, now));
    const where = conditions.length > 0 ? `WHERE ${all(conditions).sql}` : '';
    const order = query.sort ? `${ORDER[query.sort.field]}${query.sort.desc ? ' DESC' : ''}, ${TIES}` : TIES;
    const sql = `SELECT t.id FROM tracks t LEFT JOIN play_stats ps ON ps.track_id = t.id ${where} ORDER BY ${order} LIMIT ?`;
    return this.statement(sql).all(...all(conditions).params, query.limit ?? -1) as number[];
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Shapes are few in practice; a search box typing rule after rule must not grow this forever.
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql).pluck();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const perConnection = new WeakMap<Database.Database, SmartPlaylistReads>();

/** A smart playlist's ids for its stored query text, `now` being what "the last 30 days" count back from. */
export function smartPlaylistIds(db: Database.Database, queryText: string, now: number): number[] {
  let reads = perConnection.get(db);
  if (!reads) {
    reads = new SmartPlaylistReads(db);
    perConnection.set(db, reads);
  }
  return reads.ids(parseQuery(queryText), now);
}
