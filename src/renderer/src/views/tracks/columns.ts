// The Songs table's columns: what each shows, how wide it starts, and what it sorts by.
import type { TrackRow } from '../../../../shared/domain.ts';
import type { TrackSortField } from '../../../../shared/views.ts';
import { formatDuration } from '../../components/format.ts';

export type ColumnId =
  | 'trackNo'
  | 'title'
  | 'artist'
  | 'album'
  | 'albumArtist'
  | 'year'
  | 'genre'
  | 'duration'
  | 'format'
  | 'bitrate'
  | 'added'
  | 'playCount'
  | 'skipCount'
  | 'lastPlayed'
  | 'rating'
  | 'match';

export interface Column {
  id: ColumnId;
  label: string;
  /** Shown in the header where the label is too long for a narrow column. */
  short?: string;
  /** The starting width; for a column that grows, what it has before the table was measured. */
  width: number;
  /** Text columns: their share of the free width, and the least they get before columns are hidden. */
  grow?: number;
  min?: number;
  numeric?: boolean;
  sort: TrackSortField;
  text(row: TrackRow): string;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const formatDate = (ms: number | null): string => (ms ? dateFormat.format(ms) : '');

export const COLUMNS: Column[] = [
  {
    id: 'trackNo',
    label: 'Track',
    short: '#',
    width: 44,
    numeric: true,
    sort: 'trackNo',
    text: (r) => (r.trackNo ? String(r.trackNo) : ''),
  },
  { id: 'title', label: 'Title', width: 200, grow: 4, min: 120, sort: 'title', text: (r) => r.title },
  { id: 'artist', label: 'Artist', width: 150, grow: 3, min: 90, sort: 'artist', text: (r) => r.artist },
  { id: 'album', label: 'Album', width: 150, grow: 3, min: 90, sort: 'album', text: (r) => r.album },
  {
    id: 'albumArtist',
    label: 'Album artist',
    width: 160,
    grow: 2,
    min: 90,
    sort: 'albumArtist',
    text: (r) => r.albumArtist,
  },
  { id: 'year', label: 'Year', width: 56, numeric: true, sort: 'year', text: (r) => (r.year ? String(r.year) : '') },
  { id: 'genre', label: 'Genre', width: 90, grow: 1, min: 70, sort: 'genre', text: (r) => r.genre },
  {
    id: 'duration',
    label: 'Time',
    width: 64,
    numeric: true,
    sort: 'duration',
    text: (r) => formatDuration(r.durationS),
  },
  { id: 'format', label: 'Format', width: 76, sort: 'format', text: (r) => r.format },
  {
    id: 'bitrate',
    label: 'Bitrate',
    width: 80,
    numeric: true,
    sort: 'bitrate',
    text: (r) => (r.bitrate ? `${Math.round(r.bitrate / 1000)} kbps` : ''),
  },
  { id: 'added', label: 'Date added', width: 110, numeric: true, sort: 'added', text: (r) => formatDate(r.addedAt) },
  {
    id: 'playCount',
    label: 'Plays',
    width: 56,
    numeric: true,
    sort: 'playCount',
    text: (r) => (r.playCount ? String(r.playCount) : ''),
  },
  {
    id: 'skipCount',
    label: 'Skips',
    width: 56,
    numeric: true,
    sort: 'skipCount',
    text: (r) => (r.skipCount ? String(r.skipCount) : ''),
  },
  {
    id: 'lastPlayed',
    label: 'Last played',
    width: 110,
    numeric: true,
    sort: 'lastPlayed',
    text: (r) => formatDate(r.lastPlayedAt),
  },
  // Drawn as star buttons (TrackRowView); the text is what a copy or a screen reader's row gets.
  { id: 'rating', label: 'Rating', width: 88, sort: 'rating', text: (r) => (r.rating ? '★'.repeat(r.rating) : '') },
];

/**
 * Only for lists ranked by likeness (Similar tracks), whose rows carry a `match` in percent;
 * not offered in the column chooser. Such lists are not sortable, so `sort` is never used.
 */
const MATCH_COLUMN: Column = {
  id: 'match',
  label: 'Match',
  width: 64,
  numeric: true,
  sort: 'title',
  text: (r) => {
    const match = (r as TrackRow & { match?: number }).match;
    return match === undefined ? '' : `${match}%`;
  },
};

export const COLUMN_BY_ID = new Map([...COLUMNS, MATCH_COLUMN].map((column) => [column.id, column]));

// Plays and Rating shown from the start; in a narrow window fit-columns.ts hides the ones
// that matter least.
export const DEFAULT_COLUMNS: ColumnId[] = [
  'trackNo',
  'title',
  'artist',
  'album',
  'year',
  'genre',
  'duration',
  'playCount',
  'rating',
];
export const MIN_WIDTH = 36;
