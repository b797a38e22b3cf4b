// A playlist's entries as rows of the Songs table: the row's id is the entry's (a track may be
// in the playlist twice), its cells the track's, or what the entry remembers when the track
// is gone.
import type { PlaylistEntryRow, TrackRow } from '../../../../shared/domain.ts';

export interface EntryTrackRow extends TrackRow {
  entry: PlaylistEntryRow;
}

const fileName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

export function toEntryRow(raw: unknown): EntryTrackRow {
  const entry = raw as PlaylistEntryRow;
  if (entry.track) return { ...entry.track, id: entry.entryId, available: entry.state === 'present', entry };
  return {
    id: entry.entryId,
    path: entry.path,
    title: `${entry.title ?? fileName(entry.path)} — missing: ${entry.path}`,
    artist: entry.artist ?? '',
    album: entry.album ?? '',
    albumArtist: entry.artist ?? '',
    albumId: null,
    trackNo: null,
    discNo: null,
    year: null,
    genre: '',
    composer: '',
    durationS: entry.durationS,
    format: '',
    bitrate: null,
    sampleRate: null,
    coverHash: null,
    addedAt: 0,
    playCount: 0,
    skipCount: 0,
    lastPlayedAt: null,
    rating: null,
    available: false,
    rgTrackGain: null,
    rgTrackPeak: null,
    rgAlbumGain: null,
    rgAlbumPeak: null,
    entry,
  };
}

/** The tracks of these rows that still have one, and where `index` falls among them. */
export function playable(rows: EntryTrackRow[], index: number): { tracks: TrackRow[]; start: number } {
  const tracks: TrackRow[] = [];
  let start = 0;
  rows.forEach((row, i) => {
    if (!row.entry.track) return;
    if (i < index) start++;
    tracks.push(row.entry.track);
  });
  return { tracks, start: Math.min(start, Math.max(0, tracks.length - 1)) };
}

export const noteOf = (row: EntryTrackRow): string | undefined =>
  row.entry.state === 'present' ? undefined : `${row.entry.state}: ${row.entry.path}`;
