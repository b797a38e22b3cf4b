// A track's fields, declared once: the catalog's SELECT lists, the writer's INSERT and the
// shapes read (the views' TrackRow, the CLI's QueryTrack) and parsed (ParsedTrack) are all
// derived from this, so a new column is one entry here (and its migration). In common because
// the parser's ParsedTrack derives from it; the SQL is built from it in core/catalog.

export type ColumnType = 'int' | 'int?' | 'real?' | 'text' | 'text?' | 'bool';

export interface TrackColumn {
  /** A column of `tracks`, or `expr`: an expression over t (tracks), r (roots), ps (play_stats), e (scan_errors). */
  column?: string;
  expr?: string;
  type: ColumnType;
  /**
   * The parser reads it from the file. `copy`: the writer stores what was read (a text read
   * as null stored as ''); `own`: the writer works out what to store (a title falls back to
   * the file name).
   */
  parsed?: 'copy' | 'own';
  /** In the views' TrackRow. */
  row?: true;
  /** In `tonearm query`'s rows, in this order. */
  query?: true;
}

export const TRACK_COLUMNS = {
  id: { column: 'id', type: 'int', row: true, query: true },
  path: { column: 'path', type: 'text', row: true, query: true },
  title: { column: 'title', type: 'text', parsed: 'own', row: true, query: true },
  artist: { column: 'artist', type: 'text', parsed: 'copy', row: true, query: true },
  album: { column: 'album', type: 'text', parsed: 'copy', row: true, query: true },
  albumArtist: { column: 'album_artist', type: 'text', parsed: 'own', row: true, query: true },
  albumId: { column: 'album_id', type: 'int?', row: true },
  trackNo: { column: 'track_no', type: 'int?', parsed: 'copy', row: true, query: true },
  trackTotal: { column: 'track_total', type: 'int?', parsed: 'copy', query: true },
  discNo: { column: 'disc_no', type: 'int?', parsed: 'copy', row: true, query: true },
  discTotal: { column: 'disc_total', type: 'int?', parsed: 'copy', query: true },
  year: { column: 'year', type: 'int?', parsed: 'copy', row: true, query: true },
  date: { column: 'date', type: 'text?', parsed: 'copy' },
  genre: { column: 'genre', type: 'text', row: true, query: true },
  composer: { column: 'composer', type: 'text', parsed: 'copy', row: true, query: true },
  compilation: { column: 'compilation', type: 'bool', parsed: 'copy', query: true },
  durationS: { column: 'duration_s', type: 'real?', parsed: 'copy', row: true, query: true },
  format: { column: 'format', type: 'text', row: true, query: true },
  codec: { column: 'codec', type: 'text', parsed: 'copy', query: true },
  container: { column: 'container', type: 'text', parsed: 'copy', query: true },
  sampleRate: { column: 'sample_rate', type: 'int?', parsed: 'copy', row: true, query: true },
  bitDepth: { column: 'bit_depth', type: 'int?', parsed: 'copy', query: true },
  channels: { column: 'channels', type: 'int?', parsed: 'copy', query: true },
  bitrate: { column: 'bitrate', type: 'int?', parsed: 'copy', row: true, query: true },
  rgTrackGain: { column: 'rg_track_gain', type: 'real?', parsed: 'copy', row: true, query: true },
  rgTrackPeak: { column: 'rg_track_peak', type: 'real?', parsed: 'copy', row: true, query: true },
  rgAlbumGain: { column: 'rg_album_gain', type: 'real?', parsed: 'copy', row: true, query: true },
  rgAlbumPeak: { column: 'rg_album_peak', type: 'real?', parsed: 'copy', row: true, query: true },
  mbTrackId: { column: 'mb_track_id', type: 'text?', parsed: 'copy', query: true },
  mbRecordingId: { column: 'mb_recording_id', type: 'text?', parsed: 'copy' },
  mbAlbumId: { column: 'mb_album_id', type: 'text?', parsed: 'copy' },
  mbArtistId: { column: 'mb_artist_id', type: 'text?', parsed: 'copy' },
  coverHash: { column: 'cover_hash', type: 'text?', row: true, query: true },
  available: { expr: '(t.missing_since IS NULL AND r.online = 1)', type: 'bool', row: true, query: true },
  missing: { expr: 't.missing_since IS NOT NULL', type: 'bool', query: true },
  scanError: { expr: 'e.message', type: 'text?', query: true },
  playCount: { expr: 'COALESCE(ps.play_count, 0)', type: 'int', row: true, query: true },
  skipCount: { expr: 'COALESCE(ps.skip_count, 0)', type: 'int', row: true },
  lastPlayedAt: { expr: 'ps.last_played_at', type: 'int?', row: true },
  rating: { expr: 'ps.rating', type: 'int?', row: true },
  addedAt: { column: 'added_at', type: 'int', row: true, query: true },
} as const satisfies Record<string, TrackColumn>;

type Columns = typeof TRACK_COLUMNS;
export type TrackField = keyof Columns;

interface ValueOf {
  int: number;
  'int?': number | null;
  'real?': number | null;
  text: string;
  'text?': string | null;
  bool: boolean;
}

type FieldsWith<Flag> = { [K in TrackField]: Columns[K] extends Flag ? K : never }[TrackField];

/** The fields of one shape read from the catalog, typed as the catalog holds them. */
export type TrackShape<Shape extends 'row' | 'query'> = {
  [K in FieldsWith<Record<Shape, true>>]: ValueOf[Columns[K]['type']];
};

/** What the parser reads of the columns: null where a tag is absent (a flag is false). */
export type ParsedColumns = {
  [K in FieldsWith<{ parsed: string }>]: Columns[K]['type'] extends 'bool'
    ? boolean
    : ValueOf[Columns[K]['type']] | null;
};
