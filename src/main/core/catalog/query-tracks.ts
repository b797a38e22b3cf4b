// The tracks of `tonearm query` as plain rows: every column a script might want.
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

/** The rows of these tracks, in the order of `ids` (a search's or a sort's result). */
export function queryTracks(db: Database.Database, ids: readonly number[]): QueryTrack[] {
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
       WHERE t.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<QueryTrack, 'hasCover' | 'compilation' | 'available' | 'missing'> & {
    compilation: number;
    available: number;
    missing: number;
  })[];
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return rows.map((row) => ({
    ...row,
    compilation: row.compilation === 1,
    available: row.available === 1,
    missing: row.missing === 1,
    hasCover: row.coverHash !== null,
  }));
}
