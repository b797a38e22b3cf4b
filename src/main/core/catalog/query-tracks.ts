// The tracks of `tonearm query` as plain rows: every column a script might want.
import type Database from 'better-sqlite3';
import type { TrackShape } from '../../common/track-columns.ts';
import { rowMapper, selectList } from './track-columns.ts';

export type QueryTrack = TrackShape<'query'> & { hasCover: boolean };

const toQueryTrack = rowMapper('query');

/** The rows of these tracks, in the order of `ids` (a search's or a sort's result). */
export function queryTracks(db: Database.Database, ids: readonly number[]): QueryTrack[] {
  const rows = db
    .prepare(
      `SELECT ${selectList('query')}
       FROM tracks t JOIN roots r ON r.id = t.root_id
       LEFT JOIN play_stats ps ON ps.track_id = t.id
       LEFT JOIN scan_errors e ON e.path = t.path
       WHERE t.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids))
    .map(toQueryTrack);
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return rows.map((row) => ({ ...row, hasCover: row.coverHash !== null }));
}
