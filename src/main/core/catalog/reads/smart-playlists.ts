// The tracks a smart playlist's rules keep: the search words through the views' FTS match,
// every other rule a condition on tracks or play_stats, the values always bound. The rules are
// read without ORDER BY: on a catalog without ANALYZE statistics (Tonearm never runs it) SQLite
// would walk an order's index with a lookup per row rather than use the rule's own index (122 ms
// for duration:>600 at 250k tracks, none of them kept), and sort 250k rows by plays in 2 s. A
// few thousand hits are then put in order here, the rest by the views' orders
// (catalog/smart-playlists.ts). A statement is prepared per shape of query, so the values typed
// never make a new one.
import type Database from 'better-sqlite3';
import type { Comparison, SmartFilter } from '../../../../shared/smart-rules.ts';
import type { TrackSort, TrackSortField } from '../../../../shared/views.ts';
import { toFtsMatch, type ParsedQuery } from '../../views/query-language.ts';

const DAY_MS = 86_400_000;
const MAX_STATEMENTS = 256;

interface Condition {
  sql: string;
  params: (number | string)[];
  /** Only tracks with a play_stats row pass: the rows can be read from play_stats first. */
  needsStats?: true;
}

// The sorts by one value, whose order in the views is that value's, ties in album artist order and a
// descending sort reversing runs, not rows: that is ORDER BY value [DESC] then TIES. The text sorts
// (their own ties, genre by name) are left to the views' orders.
const VALUE: Partial<Record<TrackSortField, string>> = {
  trackNo: 't.track_no',
  year: 't.year',
  duration: 't.duration_s',
  format: 't.format',
  bitrate: 't.bitrate',
  added: 't.added_at',
  playCount: 'COALESCE(ps.play_count, 0)',
  skipCount: 'COALESCE(ps.skip_count, 0)',
  lastPlayed: 'ps.last_played_at',
  rating: 'COALESCE(ps.rating, 0)',
};
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
      return matchesZero(filter)
        ? { sql: `(${column} IS NULL OR ${compared.sql})`, params: compared.params }
        : { ...compared, needsStats: true };
    }
    case 'duration':
      return duration(filter, filter.unit === 'm' ? 60 : 1);
    case 'played':
      if (filter.op === 'never') return { sql: 'ps.last_played_at IS NULL', params: [] };
      return filter.op === '<'
        ? { sql: 'ps.last_played_at >= ?', params: [now - filter.days * DAY_MS], needsStats: true }
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

  /** The ids the query's rules and words keep, in no order; null when nothing narrows it (every track). */
  hits(query: ParsedQuery, now: number): number[] | null {
    const conditions: Condition[] = [];
    const match = toFtsMatch(query);
    if (match)
      conditions.push({ sql: 't.id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?)', params: [match] });
    if (query.year) conditions.push({ sql: 't.year BETWEEN ? AND ?', params: [query.year.from, query.year.to] });
    for (const filter of query.filters) conditions.push(condition(filter, now));
    if (conditions.length === 0) return null;
    const where = all(conditions);
    // Without statistics SQLite reads all of tracks and looks each up in play_stats (200 ms for
    // played:<7d at 250k tracks on a busy machine); play_stats has a row for played tracks only.
    const from = conditions.some((condition) => condition.needsStats)
      ? 'play_stats ps CROSS JOIN tracks t ON t.id = ps.track_id'
      : 'tracks t LEFT JOIN play_stats ps ON ps.track_id = t.id';
    const sql = `SELECT t.id FROM ${from} WHERE ${where.sql}`;
    return this.statement(sql).all(...where.params) as number[];
  }

  /**
   * `ids` in the sort's order (album artist order for none), at most `limit`; null for a sort
   * only the views' orders give. CROSS JOIN keeps SQLite from walking an index to avoid the sort.
   */
  ordered(ids: readonly number[], sort: TrackSort | null, limit: number | null): number[] | null {
    const base = !sort || (sort.field === 'albumArtist' && !sort.desc);
    const value = base ? undefined : VALUE[sort.field];
    if (!base && value === undefined) return null;
    const order = value ? `${value}${sort!.desc ? ' DESC' : ''}, ${TIES}` : TIES;
    const sql = `SELECT t.id FROM json_each(?) j CROSS JOIN tracks t ON t.id = j.value
      LEFT JOIN play_stats ps ON ps.track_id = t.id ORDER BY ${order} LIMIT ?`;
    return this.statement(sql).all(JSON.stringify(ids), limit ?? -1) as number[];
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
