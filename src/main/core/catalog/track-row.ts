import type { TrackRow } from '../../../shared/domain.ts';

/** The columns of a TrackRow; `t` is tracks, `r` roots, `ps` play_stats. */
export const TRACK_ROW_COLUMNS = /* sql */ `
  t.id, t.path, t.title, t.artist, t.album, t.album_artist AS albumArtist, t.album_id AS albumId,
  t.track_no AS trackNo, t.disc_no AS discNo, t.year, t.genre, t.composer,
  t.duration_s AS durationS, t.format, t.bitrate, t.sample_rate AS sampleRate,
  t.cover_hash AS coverHash, t.added_at AS addedAt,
  COALESCE(ps.play_count, 0) AS playCount, ps.last_played_at AS lastPlayedAt, ps.rating,
  (t.missing_since IS NULL AND r.online = 1) AS available,
  t.rg_track_gain AS rgTrackGain, t.rg_track_peak AS rgTrackPeak,
  t.rg_album_gain AS rgAlbumGain, t.rg_album_peak AS rgAlbumPeak`;

export const TRACK_ROW_FROM = /* sql */ `
  tracks t JOIN roots r ON r.id = t.root_id LEFT JOIN play_stats ps ON ps.track_id = t.id`;

type RawTrackRow = Omit<TrackRow, 'available'> & { available: number };

export function toTrackRow(raw: unknown): TrackRow {
  const row = raw as RawTrackRow;
  return { ...row, available: row.available === 1 };
}
