// The tracks of `tonearm query`: the whole catalog (or a search of it) as plain rows.
import type Database from 'better-sqlite3';

export interface QueryTrack {
  id: number;
  path: string;
  title: string;
  artist: string;
  album: string;
  albumArtist: string;
  trackNo: number | null;
  trackTotal: number | null;
  discNo: number | null;
  discTotal: number | null;
  year: number | null;
  genre: string;
  composer: string;
  compilation: boolean;
  durationS: number | null;
  format: string;
  codec: string;
  container: string;
  sampleRate: number | null;
  bitDepth: number | null;
  channels: number | null;
  bitrate: number | null;
  rgTrackGain: number | null;
  rgTrackPeak: number | null;
  rgAlbumGain: number | null;
  rgAlbumPeak: number | null;
  mbTrackId: string | null;
  hasCover: boolean;
  coverHash: string | null;
  available: boolean;
  missing: boolean;
  scanError: string | null;
  playCount: number;
  addedAt: number;
}

const ORDER: Record<string, string> = {
  artist: 't.artist COLLATE NOCASE, t.album COLLATE NOCASE, t.disc_no, t.track_no, t.id',
  albumArtist: 't.album_artist COLLATE NOCASE, t.album COLLATE NOCASE, t.disc_no, t.track_no, t.id',
  album: 't.album COLLATE NOCASE, t.disc_no, t.track_no, t.id',
  title: 't.title COLLATE NOCASE, t.id',
  year: 't.year, t.album COLLATE NOCASE, t.disc_no, t.track_no, t.id',
  added: 't.added_at DESC, t.id',
  path: 't.path, t.id',
  duration: 't.duration_s, t.id',
};
export const QUERY_SORTS = Object.keys(ORDER);

export interface QueryOptions {
  sort: string;
  limit?: number;
  /** Narrows to these ids (a search's result), if given. */
  ids?: readonly number[];
}

export function queryTracks(db: Database.Database, options: QueryOptions): QueryTrack[] {
  const where = options.ids ? 'WHERE t.id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = db
    .prepare(
      `SELECT t.id, t.path, t.title, t.artist, t.album, t.album_artist AS albumArtist, t.track_no AS trackNo,
              t.track_total AS trackTotal, t.disc_no AS discNo, t.disc_total AS discTotal, t.year, t.genre,
              t.composer, t.compilation, t.duration_s AS durationS, t.format, t.codec, t.container,
              t.sample_rate AS sampleRate, t.bit_depth AS bitDepth, t.channels, t.bitrate,
              t.rg_track_gain AS rgTrackGain, t.rg_track_peak AS rgTrackPeak, t.rg_album_gain AS rgAlbumGain,
              t.rg_album_peak AS rgAlbumPeak, t.mb_track_id AS mbTrackId, t.cover_hash AS coverHash,
              (t.missing_since IS NULL AND r.online = 1) AS available, t.missing_since IS NOT NULL AS missing,
              e.message AS scanError, COALESCE(ps.play_count, 0) AS playCount, t.added_at AS addedAt
       FROM tracks t JOIN roots r ON r.id = t.root_id
       LEFT JOIN play_stats ps ON ps.track_id = t.id
       LEFT JOIN scan_errors e ON e.path = t.path
       ${where}
       ORDER BY ${ORDER[options.sort] ?? ORDER.artist}
       LIMIT @limit`,
    )
    .all({ limit: options.limit ?? -1, ...(options.ids ? { ids: JSON.stringify(options.ids) } : {}) }) as (Omit<
    QueryTrack,
    'hasCover' | 'compilation' | 'available' | 'missing'
  > & { compilation: number; available: number; missing: number })[];
  return rows.map((row) => ({
    ...row,
    compilation: row.compilation === 1,
    available: row.available === 1,
    missing: row.missing === 1,
    hasCover: row.coverHash !== null,
  }));
}
